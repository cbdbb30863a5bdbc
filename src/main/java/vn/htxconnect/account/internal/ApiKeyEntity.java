package vn.htxconnect.account.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@EntityListeners(CredentialChangeListener.class)
@Table(name = "api_key")
class ApiKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String prefix;

    /** SHA-256 of the whole key: keys are long random secrets, so a fast hash is enough and lookups stay cheap. */
    @Column(nullable = false)
    String secretHash;

    @Column(nullable = false)
    String scopes;

    @Column(nullable = false)
    long createdBy;

    @Column(nullable = false)
    Instant createdAt = Instant.now();

    Instant expiresAt;
    Instant revokedAt;
    Instant lastUsedAt;

    Set<String> scopeSet() {
        return new TreeSet<>(Arrays.asList(scopes.split(",")));
    }

    boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
