package vn.htxconnect.platform;

/**
 * Why a mutation input was refused, or (for warnings) what was accepted with a remark; clients switch
 * on this, not on the message.
 */
public enum UserErrorCode {
    REQUIRED, INVALID, TOO_LONG, OUT_OF_RANGE, NOT_FOUND, DUPLICATE, CONFLICT, FORBIDDEN,
    /** Warning: a certificate past its expiry date, kept as history; it does not count. */
    CERTIFICATE_EXPIRED,
    /** Warning: a certification scheme outside the known list, kept as OTHER with its name as written. */
    UNKNOWN_CERTIFICATION_SCHEME
}
