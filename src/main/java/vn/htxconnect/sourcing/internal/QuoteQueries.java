package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.OffsetPage;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.SourcingEnums.QuoteRole;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;

/** Reads of quotes: an organization's list, the pages of many requests at once, one quote. */
@Service
class QuoteQueries {

    /** A page of quotes (one more than asked, to tell whether there is a next page) and the total. */
    record Page(List<Quote> rows, long total) {
    }

    private final QuoteRepository repository;

    QuoteQueries(QuoteRepository repository) {
        this.repository = repository;
    }

    /** The parties' members and the Alliance (with admins) see a quote; nobody else does. */
    static boolean visible(Actor a, Quote q) {
        return a.isAlliance() || a.memberOf(q.supplierOrganizationId()) || a.memberOf(q.buyerOrganizationId());
    }

    @Transactional(readOnly = true)
    public Optional<Quote> find(long id) {
        return repository.findById(id).map(QuoteEntity::toView);
    }

    /** The organization's quotes from the {@code role} side (both when null), newest first. */
    @Transactional(readOnly = true)
    public Page ofOrganization(long org, QuoteRole role, QuoteStatus status, Long requestId, int offset, int n) {
        boolean asBuyer = role == null || role == QuoteRole.BUYER;
        boolean asSupplier = role == null || role == QuoteRole.SUPPLIER;
        QuoteStatus stored = status == QuoteStatus.EXPIRED ? QuoteStatus.SENT : status;
        boolean live = status == QuoteStatus.SENT;
        boolean expired = status == QuoteStatus.EXPIRED;
        Instant now = Instant.now();
        List<Quote> rows = repository.findOfOrganization(org, asBuyer, asSupplier, stored, live, expired, now, requestId,
                new OffsetPage(offset, n + 1)).stream().map(QuoteEntity::toView).toList();
        return new Page(rows, repository.countOfOrganization(org, asBuyer, asSupplier, stored, live, expired, now, requestId));
    }

    /**
     * A page of each request's quotes, newest first, in two statements for any number of requests:
     * all of them, or ({@code all} false) only those of the suppliers {@code orgs}.
     */
    @Transactional(readOnly = true)
    public Map<Long, Page> ofRequests(Collection<Long> requestIds, boolean all, Collection<Long> orgs, int offset, int n) {
        Map<Long, Page> pages = new HashMap<>();
        if (requestIds.isEmpty() || (!all && orgs.isEmpty())) {
            requestIds.forEach(id -> pages.put(id, new Page(List.of(), 0)));
            return pages;
        }
        Collection<Long> suppliers = orgs.isEmpty() ? List.of(-1L) : orgs;
        Map<Long, List<Quote>> rows = new HashMap<>();
        for (QuoteEntity q : repository.pagesOfRequests(requestIds, all, suppliers, offset, offset + n + 1)) {
            rows.computeIfAbsent(q.requestId, k -> new ArrayList<>()).add(q.toView());
        }
        Map<Long, Long> totals = new HashMap<>();
        for (Object[] row : repository.countsOfRequests(requestIds, all, suppliers)) {
            totals.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        requestIds.forEach(id -> pages.put(id, new Page(rows.getOrDefault(id, List.of()), totals.getOrDefault(id, 0L))));
        return pages;
    }
}
