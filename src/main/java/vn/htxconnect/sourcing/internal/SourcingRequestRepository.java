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

import vn.htxconnect.sourcing.SourcingEnums.Status;

interface SourcingRequestRepository extends JpaRepository<SourcingRequestEntity, Long> {

    /** Reads and locks the request: quotes on it and changes to it apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SourcingRequestEntity r where r.id = :id")
    Optional<SourcingRequestEntity> lock(@Param("id") long id);

    @Query("""
            select r from SourcingRequestEntity r where r.buyerOrganizationId in :orgs
              and (:status is null or r.status = :status) and (:category is null or r.categoryCode in :categories)
            order by r.id desc""")
    List<SourcingRequestEntity> findOwn(@Param("orgs") Collection<Long> orgs, @Param("status") Status status,
                                        @Param("category") String category, @Param("categories") Collection<String> categories,
                                        Pageable page);

    @Query("""
            select count(r) from SourcingRequestEntity r where r.buyerOrganizationId in :orgs
              and (:status is null or r.status = :status) and (:category is null or r.categoryCode in :categories)""")
    long countOwn(@Param("orgs") Collection<Long> orgs, @Param("status") Status status,
                  @Param("category") String category, @Param("categories") Collection<String> categories);

    /** Open, unexpired requests the reader may see: public ones, and invited ones naming one of its organizations. */
    @Query("""
            select r from SourcingRequestEntity r where r.status = vn.htxconnect.sourcing.SourcingEnums.Status.OPEN
              and r.expiresAt > :now
              and (r.visibility = vn.htxconnect.sourcing.SourcingEnums.Visibility.PUBLIC or :all = true
                   or exists (select 1 from SourcingRequestEntity x join x.invitedOrganizationIds i
                              where x.id = r.id and i in :orgs))
              and (:category is null or r.categoryCode in :categories)
              and (:province is null or r.deliveryProvinceCode = :province)
            order by r.id desc""")
    List<SourcingRequestEntity> findOpen(@Param("now") Instant now, @Param("all") boolean all,
                                         @Param("orgs") Collection<Long> orgs, @Param("category") String category,
                                         @Param("categories") Collection<String> categories,
                                         @Param("province") String province, Pageable page);

    @Query("""
            select count(r) from SourcingRequestEntity r where r.status = vn.htxconnect.sourcing.SourcingEnums.Status.OPEN
              and r.expiresAt > :now
              and (r.visibility = vn.htxconnect.sourcing.SourcingEnums.Visibility.PUBLIC or :all = true
                   or exists (select 1 from SourcingRequestEntity x join x.invitedOrganizationIds i
                              where x.id = r.id and i in :orgs))
              and (:category is null or r.categoryCode in :categories)
              and (:province is null or r.deliveryProvinceCode = :province)""")
    long countOpen(@Param("now") Instant now, @Param("all") boolean all, @Param("orgs") Collection<Long> orgs,
                   @Param("category") String category, @Param("categories") Collection<String> categories,
                   @Param("province") String province);

    /** Whether any request takes offers now (the (status, expires_at) index answers it). */
    @Query("select count(r) > 0 from SourcingRequestEntity r where r.status = vn.htxconnect.sourcing.SourcingEnums.Status.OPEN "
            + "and r.expiresAt > :now")
    boolean anyOpen(@Param("now") Instant now);
}
