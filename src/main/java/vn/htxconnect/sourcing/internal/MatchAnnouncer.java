package vn.htxconnect.sourcing.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingEnums.Factor;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;

/**
 * Tells both sides about the matches discovery found: only those worth interrupting someone for, each
 * request/product pair once ({@link MatchNotices}), and per run one notice to the buyer per request and
 * one to each supplier, however many pairs it found. Call inside the transaction that records the pairs.
 */
@Component
class MatchAnnouncer {

    private final MatchNotices notices;
    private final NotificationService notifications;
    private final OrganizationService organizations;
    private final SourcingProperties properties;

    MatchAnnouncer(MatchNotices notices, NotificationService notifications, OrganizationService organizations,
                   SourcingProperties properties) {
        this.notices = notices;
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
    }

    void announce(List<Match> found) {
        List<Match> fresh = notices.claim(found.stream().filter(this::worthTelling).toList(),
                m -> new long[] {m.request().databaseId(), m.product().databaseId()});
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, Organization> suppliers = organizations.findByIds(fresh.stream().map(m -> m.product().organizationId())
                .distinct().toList());
        Comparator<Match> best = Comparator.comparingDouble(Match::score);
        // The buyer: one notice per request.
        fresh.stream().collect(Collectors.groupingBy(m -> m.request().databaseId(), LinkedHashMap::new, Collectors.toList()))
                .values().forEach(group -> {
                    Match top = group.stream().max(best).orElseThrow();
                    Map<String, String> params = params(top);
                    Organization supplier = suppliers.get(top.product().organizationId());
                    params.put("supplier", supplier == null ? "" : supplier.name());
                    params.put("count", Integer.toString(group.size()));
                    notifications.notify(top.request().buyerOrganizationId(),
                            group.size() == 1 ? NotificationKind.MATCH_FOR_REQUEST : NotificationKind.MATCHES_FOR_REQUEST,
                            top.request().id(), params);
                });
        // Each supplier: one notice, about the requests it may see.
        fresh.stream().filter(m -> m.request().visibility() == Visibility.PUBLIC
                        || m.request().invitedOrganizationIds().contains(m.product().organizationId()))
                .collect(Collectors.groupingBy(m -> m.product().organizationId(), LinkedHashMap::new, Collectors.toList()))
                .forEach((org, group) -> {
                    Match top = group.stream().max(best).orElseThrow();
                    long requestCount = group.stream().map(m -> m.request().databaseId()).distinct().count();
                    Map<String, String> params = params(top);
                    params.put("count", Long.toString(requestCount));
                    notifications.notify(org, requestCount == 1 ? NotificationKind.LEAD_FOR_PRODUCT
                            : NotificationKind.LEADS_FOR_PRODUCTS, top.product().id(), params);
                });
    }

    /**
     * Good enough to interrupt someone: above the threshold, between two organizations, and related
     * by category or words (a request without a category matches every category by its hard
     * conditions, and only its words say what it is about; matches apply the same rule).
     */
    private boolean worthTelling(Match m) {
        SourcingRequest r = m.request();
        if (m.score() < properties.matchNoticeThreshold() || r.buyerOrganizationId() == null
                || r.buyerOrganizationId() == m.product().organizationId()) {
            return false;
        }
        return r.categoryCode() != null || m.factors().stream()
                .anyMatch(f -> f.factor() == Factor.RELEVANCE && f.score() > 0);
    }

    private static Map<String, String> params(Match m) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("request", m.request().title());
        params.put("product", m.product().name());
        params.put("score", String.format(Locale.ROOT, "%.2f", m.score()));
        return params;
    }
}
