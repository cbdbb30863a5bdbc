package vn.htxconnect.account.internal;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import vn.htxconnect.platform.Message;

/** A bearer token refused by our own checks, with a message the entry point renders in the caller's language. */
class TokenRefusedException extends InvalidBearerTokenException {

    private final transient Message text;

    TokenRefusedException(Message text) {
        super(text.toString());
        this.text = text;
    }

    Message text() {
        return text;
    }
}
