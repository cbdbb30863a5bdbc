package vn.htxconnect.organization.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<OrganizationEntity, Long>,
        JpaSpecificationExecutor<OrganizationEntity> {

    boolean existsByTaxCode(String taxCode);

    @Query("select o.id from OrganizationEntity o where o.updatedAt >= :since order by o.id")
    List<Long> findIdsUpdatedSince(@Param("since") Instant since);
}
