package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/**
 * Match discovery's search: the best current matches of changed requests, or the best open requests
 * for changed products, found with the same matching as {@code matches} and {@code leads}. What could
 * not be searched (Elasticsearch down) is reported, not dropped.
 */
@Component
class MatchFinder {

    /** Best matches looked at per request or product and run. */
    static final int PER_RUN = 20;

    private static final Logger log = LoggerFactory.getLogger(MatchFinder.class);

    private final Matching matching;
    private final SourcingService requests;
    private final ProductService products;
    private final OrganizationService organizations;
    private final SourcingRequestRepository openRequests;

    MatchFinder(Matching matching, SourcingService requests, ProductService products, OrganizationService organizations,
                SourcingRequestRepository openRequests) {
        this.matching = matching;
        this.requests = requests;
        this.products = products;
        this.organizations = organizations;
        this.openRequests = openRequests;
    }

    /** What a run found, and the IDs whose search failed (to retry). */
    record Found(List<Match> matches, Set<Long> failed) {

        static final Found NOTHING = new Found(List.of(), Set.of());
    }

    /** Whether any request accepts offers now: without one, products have no leads to find. */
    boolean anyOpenRequest() {
        return openRequests.anyOpen(Instant.now());
    }

    /** The best matches of the requests that accept offers; a request whose search failed is reported alone. */
    Found forRequests(Collection<Long> ids) {
        Set<Long> failed = new HashSet<>();
        List<Match> found = new ArrayList<>();
        for (SourcingRequest r : requests.findByIds(ids).values()) {
            if (!r.acceptingOffers()) {
                continue;
            }
            try {
                found.addAll(matching.matches(r, PER_RUN));
            } catch (RuntimeException e) {
                log.warn("Match discovery for request {} failed; retrying later: {}", r.databaseId(), e.toString());
                failed.add(r.databaseId());
            }
        }
        return new Found(found, failed);
    }

    /** The best open requests for the listed products of active suppliers; one multi-search, so all fail together. */
    Found forProducts(Collection<Long> ids) {
        List<Product> listed = products.findByIds(ids).values().stream()
                .filter(p -> p.status() == ProductStatus.ACTIVE).toList();
        Map<Long, Organization> suppliers = organizations.findByIds(listed.stream().map(Product::organizationId)
                .distinct().toList());
        List<Product> offered = listed.stream().filter(p -> suppliers.containsKey(p.organizationId())
                && suppliers.get(p.organizationId()).active()).toList();
        if (offered.isEmpty()) {
            return Found.NOTHING;
        }
        try {
            // As the system, not a reader: every request comes unredacted (the buyer must be known to be told).
            List<Match> found = new ArrayList<>();
            matching.leads(offered, suppliers, PER_RUN, org -> true).values().forEach(found::addAll);
            return new Found(found, Set.of());
        } catch (RuntimeException e) {
            log.warn("Match discovery for {} products failed; retrying later: {}", offered.size(), e.toString());
            return new Found(List.of(), new HashSet<>(ids));
        }
    }
}
