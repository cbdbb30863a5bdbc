package vn.htxconnect.platform;

/**
 * A failure that is the client's to know about: it becomes a top-level GraphQL error with
 * {@code extensions.code} and this message, never a stack trace.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public ApiException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, field, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The argument the error is about, or null. */
    public String field() {
        return field;
    }
}
