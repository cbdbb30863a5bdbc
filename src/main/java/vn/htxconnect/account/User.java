package vn.htxconnect.account;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;

/** A user account as the API shows it (never with its password hash). */
public record User(long databaseId, String email, String name, String phone, String preferredLanguage,
                   Actor.PlatformRole platformRole, List<Membership> memberships, Instant createdAt,
                   Instant lastLoginAt) {

    public static final String TYPE = "User";

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** A user's role in one organization. */
    public record Membership(long organizationId, Actor.OrgRole role) {
    }
}
