package vn.htxconnect.linkage.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import vn.htxconnect.linkage.LinkageEnums.Origin;

interface LinkageRepository extends JpaRepository<LinkageEntity, Long> {

    Optional<LinkageEntity> findByOriginAndOriginRef(Origin origin, String originRef);

    /** For writers that must serialise on one linkage (status changes, supply events). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from LinkageEntity l where l.id = :id")
    Optional<LinkageEntity> lockById(@Param("id") long id);
}
