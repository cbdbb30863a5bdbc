package vn.htxconnect.catalog.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import vn.htxconnect.catalog.ProductStatus;

interface ProductRepository extends JpaRepository<ProductEntity, Long> {

    /** One statement for any number of products, certifications included. */
    @Query("select distinct p from ProductEntity p left join fetch p.certifications where p.id in :ids")
    List<ProductEntity> findWithCertifications(@Param("ids") Collection<Long> ids);

    @Query("select p.id from ProductEntity p where p.organizationId = :organizationId")
    List<Long> findIdsByOrganizationId(@Param("organizationId") long organizationId);

    @Query("select p.id from ProductEntity p where p.organizationId in :organizationIds")
    List<Long> findIdsByOrganizationIdIn(@Param("organizationIds") Collection<Long> organizationIds);

    @Query("select p.id from ProductEntity p where p.id > :afterId order by p.id")
    List<Long> findIdsAfter(@Param("afterId") long afterId, Limit limit);

    @Query("select count(p) from ProductEntity p where p.status = :status")
    long countByStatus(@Param("status") ProductStatus status);

    @Query("select count(p) from ProductEntity p where p.status = :status and p.organizationId in :organizationIds")
    long countByStatusAndOrganizationIdIn(@Param("status") ProductStatus status,
                                          @Param("organizationIds") Collection<Long> organizationIds);

    @Query("select max(p.id) from ProductEntity p")
    Optional<Long> findMaxId();

    @Query("select p.id from ProductEntity p where p.updatedAt >= :since order by p.id")
    List<Long> findIdsUpdatedSince(@Param("since") Instant since);

    Optional<ProductEntity> findByOrganizationIdAndExternalRef(long organizationId, String externalRef);

    @Query("select distinct p from ProductEntity p left join fetch p.certifications "
            + "where p.organizationId = :organizationId and p.externalRef in :refs")
    List<ProductEntity> findByExternalRefs(@Param("organizationId") long organizationId,
                                           @Param("refs") Collection<String> refs);
}
