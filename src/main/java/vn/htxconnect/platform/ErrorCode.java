package vn.htxconnect.platform;

/** Codes carried in {@code extensions.code} of top-level GraphQL errors (see the API conventions). */
public enum ErrorCode {
    UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST, RATE_LIMITED, SEARCH_UNAVAILABLE, INTERNAL
}
