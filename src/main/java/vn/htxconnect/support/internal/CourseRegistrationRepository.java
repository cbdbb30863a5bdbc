package vn.htxconnect.support.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import vn.htxconnect.support.CourseEnums.RegistrationStatus;

interface CourseRegistrationRepository extends JpaRepository<CourseRegistrationEntity, Long> {

    @Query("select r from CourseRegistrationEntity r where r.courseId = :course and r.status = :status "
            + "and (r.activeUserId = :user or r.activePhone = :phone)")
    List<CourseRegistrationEntity> findLive(@Param("course") long courseId, @Param("status") RegistrationStatus status,
                                            @Param("user") Long userId, @Param("phone") String phone);

    @Query("select r from CourseRegistrationEntity r where r.id in :ids")
    List<CourseRegistrationEntity> findByIds(@Param("ids") Collection<Long> ids);

    Optional<CourseRegistrationEntity> findFirstById(long id);
}
