package vn.htxconnect.support.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CourseRepository extends JpaRepository<CourseEntity, Long> {

    /**
     * Reads and locks the course until the transaction ends: registrations queue on it, so the seat count
     * they check and change is the one the next registration sees (never over capacity), and a cancellation
     * cannot slip between.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CourseEntity c where c.id = :id")
    Optional<CourseEntity> lockForUpdate(@Param("id") long id);
}
