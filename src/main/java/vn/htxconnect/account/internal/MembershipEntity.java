package vn.htxconnect.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.htxconnect.platform.Actor;

@Entity
@EntityListeners(CredentialChangeListener.class)
@Table(name = "membership")
class MembershipEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long userId;

    @Column(nullable = false)
    long organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Actor.OrgRole role;

    @Column(nullable = false)
    Instant createdAt = Instant.now();

    static MembershipEntity of(long userId, long organizationId, Actor.OrgRole role) {
        MembershipEntity m = new MembershipEntity();
        m.userId = userId;
        m.organizationId = organizationId;
        m.role = role;
        return m;
    }
}
