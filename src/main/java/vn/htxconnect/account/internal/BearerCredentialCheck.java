package vn.htxconnect.account.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.CredentialCheck;

/**
 * The bearer token a stream was opened with, verified again (expiry, revocation, the user or key still
 * there) and its actor loaded afresh, with the memberships it has now.
 */
@Component
class BearerCredentialCheck implements CredentialCheck {

    private final BearerAuthentication bearer;

    BearerCredentialCheck(BearerAuthentication bearer) {
        this.bearer = bearer;
    }

    @Override
    public Optional<Actor> current(Authentication openedWith) {
        if (!(openedWith instanceof ActorAuthentication opened) || opened.token() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(bearer.verify(opened.token()));
        } catch (AuthenticationException | ApiException e) {
            return Optional.empty();
        }
    }
}
