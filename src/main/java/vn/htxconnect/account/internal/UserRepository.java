package vn.htxconnect.account.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import vn.htxconnect.platform.Actor;

interface UserRepository extends JpaRepository<UserEntity, Long> {

    Optional<UserEntity> findByEmail(String email);

    boolean existsByPlatformRole(Actor.PlatformRole role);
}
