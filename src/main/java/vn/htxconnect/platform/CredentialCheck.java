package vn.htxconnect.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * For long-lived streams (GraphQL subscriptions), which outlive the moment their caller was checked: the
 * actor the credentials that opened the stream stand for now, with their current roles and memberships;
 * empty once those credentials expired or were revoked, or their user or key is gone. The account module
 * provides it; a stream asks before each item it sends.
 */
public interface CredentialCheck {

    Optional<Actor> current(Authentication openedWith);
}
