package vn.htxconnect.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.htxconnect.platform.Actor;

@Entity
@Table(name = "invitation")
class InvitationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long organizationId;

    @Column(nullable = false)
    String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Actor.OrgRole role;

    @Column(nullable = false)
    String tokenHash;

    @Column(nullable = false)
    long invitedBy;

    @Column(nullable = false)
    Instant createdAt = Instant.now();

    @Column(nullable = false)
    Instant expiresAt;

    Instant acceptedAt;
}
