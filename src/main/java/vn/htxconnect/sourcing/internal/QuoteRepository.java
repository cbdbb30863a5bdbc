package vn.htxconnect.sourcing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;

interface QuoteRepository extends JpaRepository<QuoteEntity, Long> {

    /** Reads and locks the quote, so two answers to it apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from QuoteEntity q where q.id = :id")
    Optional<QuoteEntity> lock(@Param("id") long id);

    /** Whether the supplier has a quote on the request that awaits an answer (SENT and still valid). */
    @Query("""
            select count(q) > 0 from QuoteEntity q where q.requestId = :request and q.supplierOrganizationId = :supplier
              and q.status = vn.htxconnect.sourcing.SourcingEnums.QuoteStatus.SENT and q.validUntil > :now""")
    boolean pending(@Param("request") long request, @Param("supplier") long supplier, @Param("now") Instant now);

    // An organization's quotes from one side or both. `stored` filters the stored status; `live` and
    // `expired` split SENT into still valid and EXPIRED (which is never stored).
    String ORGANIZATION = """
            from QuoteEntity q where ((:asBuyer = true and q.buyerOrganizationId = :org)
                                      or (:asSupplier = true and q.supplierOrganizationId = :org))
              and (:stored is null or q.status = :stored)
              and (:live = false or q.validUntil > :now) and (:expired = false or q.validUntil <= :now)
              and (:request is null or q.requestId = :request)""";

    @Query("select q " + ORGANIZATION + " order by q.id desc")
    List<QuoteEntity> findOfOrganization(@Param("org") long org, @Param("asBuyer") boolean asBuyer,
                                         @Param("asSupplier") boolean asSupplier, @Param("stored") QuoteStatus stored,
                                         @Param("live") boolean live, @Param("expired") boolean expired,
                                         @Param("now") Instant now, @Param("request") Long request, Pageable page);

    @Query("select count(q) " + ORGANIZATION)
    long countOfOrganization(@Param("org") long org, @Param("asBuyer") boolean asBuyer,
                             @Param("asSupplier") boolean asSupplier, @Param("stored") QuoteStatus stored,
                             @Param("live") boolean live, @Param("expired") boolean expired,
                             @Param("now") Instant now, @Param("request") Long request);

    /**
     * One page of quotes for each of many requests, newest first, in one statement: rows
     * {@code offset + 1} to {@code offset + limit} of each request. {@code all} false limits them to
     * the quotes of the suppliers {@code orgs}.
     */
    @Query(nativeQuery = true, value = """
            SELECT x.* FROM (
              SELECT q.*, ROW_NUMBER() OVER (PARTITION BY q.request_id ORDER BY q.id DESC) AS rn
              FROM quote q WHERE q.request_id IN (:requests) AND (:all = TRUE OR q.supplier_organization_id IN (:orgs))) x
            WHERE x.rn > :offset AND x.rn <= :end ORDER BY x.request_id, x.rn""")
    List<QuoteEntity> pagesOfRequests(@Param("requests") Collection<Long> requests, @Param("all") boolean all,
                                      @Param("orgs") Collection<Long> orgs, @Param("offset") int offset,
                                      @Param("end") int end);

    /** How many quotes each request has (of the suppliers {@code orgs} unless {@code all}); rows of request ID and count. */
    @Query("""
            select q.requestId, count(q) from QuoteEntity q where q.requestId in :requests
              and (:all = true or q.supplierOrganizationId in :orgs) group by q.requestId""")
    List<Object[]> countsOfRequests(@Param("requests") Collection<Long> requests, @Param("all") boolean all,
                                    @Param("orgs") Collection<Long> orgs);
}
