package vn.htxconnect.account.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<MembershipEntity, Long> {

    List<MembershipEntity> findByUserId(long userId);

    boolean existsByUserIdAndOrganizationId(long userId, long organizationId);
}
