package vn.htxconnect.account;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.GlobalId;

/** A partner's API key as the API shows it: never the secret, which is shown once at creation. */
public record ApiKey(long databaseId, String name, String prefix, List<String> scopes, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public static final String TYPE = "ApiKey";

    /** Scopes partners' keys can hold. */
    public static final List<String> SCOPES = List.of("catalog:read", "sourcing:read", "linkage:read", "insight:read");

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    public boolean active() {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
    }
}
