package vn.htxconnect.organization.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationStatus;

interface OrganizationRepository extends JpaRepository<OrganizationEntity, Long>,
        JpaSpecificationExecutor<OrganizationEntity> {

    boolean existsByTaxCode(String taxCode);

    @Query("select o.id from OrganizationEntity o where o.status <> :status order by o.id")
    List<Long> findIdsByStatusNot(@Param("status") OrganizationStatus status);

    @Query("select o.id from OrganizationEntity o where o.updatedAt >= :since order by o.id")
    List<Long> findIdsUpdatedSince(@Param("since") Instant since);

    /** Walks the province index ({@code province_code}, then the primary key) in ID order; all provinces when null. */
    @Query("select o from OrganizationEntity o where (:province is null or o.provinceCode = :province) and o.kind in :kinds and o.id > :afterId "
            + "order by o.id")
    List<OrganizationEntity> findInProvince(@Param("province") String provinceCode,
                                            @Param("kinds") Collection<OrganizationKind> kinds,
                                            @Param("afterId") long afterId, Limit limit);

    @Query("select new vn.htxconnect.organization.OrganizationService$CooperativeRegistration(o.id, o.provinceCode, o.createdAt) "
            + "from OrganizationEntity o where o.kind in :kinds and o.status = :status")
    List<OrganizationService.CooperativeRegistration> findRegistrations(
            @Param("kinds") Collection<OrganizationKind> kinds, @Param("status") OrganizationStatus status);

    @Query("select new vn.htxconnect.organization.OrganizationService$CooperativeContact(o.id, o.contactPhone, o.createdAt) "
            + "from OrganizationEntity o where o.kind in :kinds and o.contactPhone is not null "
            + "and o.createdAt >= :from and o.createdAt < :to")
    List<OrganizationService.CooperativeContact> findContactsRegisteredBetween(
            @Param("kinds") Collection<OrganizationKind> kinds, @Param("from") Instant from,
            @Param("to") Instant to);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from OrganizationEntity o where o.id in :ids order by o.id")
    List<OrganizationEntity> lockAll(@Param("ids") Collection<Long> ids);
}
