package vn.htxconnect.program.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TradeEventRepository extends JpaRepository<TradeEventEntity, Long> {

    /**
     * Reads and share-locks the event, so registrations and leads do not slip past a cancellation or a
     * change of dates made meanwhile.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select e from TradeEventEntity e where e.id = :id")
    Optional<TradeEventEntity> lockShared(@Param("id") long id);
}
