package vn.htxconnect.platform;

/** Why a mutation input was refused; clients switch on this, not on the message. */
public enum UserErrorCode {
    REQUIRED, INVALID, TOO_LONG, OUT_OF_RANGE, NOT_FOUND, DUPLICATE, CONFLICT, FORBIDDEN
}
