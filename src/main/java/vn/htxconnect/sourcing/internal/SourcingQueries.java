package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.OffsetPage;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingRequest;

/** Lists of requests, read in one transaction so a page's invitation lists load together. */
@Service
class SourcingQueries {

    /** A page of requests (one more than asked, to tell whether there is a next page) and the total. */
    record Page(List<SourcingRequest> rows, long total) {
    }

    private final SourcingRequestRepository repository;

    SourcingQueries(SourcingRequestRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Page own(Collection<Long> orgs, Status status, List<String> categories, int offset, int n) {
        String cat = categories.isEmpty() ? null : categories.getFirst();
        List<String> codes = categories.isEmpty() ? List.of("-") : categories;
        return new Page(repository.findOwn(orgs, status, cat, codes, new OffsetPage(offset, n + 1)).stream()
                .map(SourcingRequestEntity::toView).toList(), repository.countOwn(orgs, status, cat, codes));
    }

    @Transactional(readOnly = true)
    public Page open(boolean all, Collection<Long> orgs, List<String> categories, String province, int offset, int n) {
        String cat = categories.isEmpty() ? null : categories.getFirst();
        List<String> codes = categories.isEmpty() ? List.of("-") : categories;
        Instant now = Instant.now();
        return new Page(repository.findOpen(now, all, orgs, cat, codes, province, new OffsetPage(offset, n + 1)).stream()
                .map(SourcingRequestEntity::toView).toList(), repository.countOpen(now, all, orgs, cat, codes, province));
    }
}
