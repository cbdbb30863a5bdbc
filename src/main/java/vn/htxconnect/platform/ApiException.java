package vn.htxconnect.platform;

/**
 * A failure that is the client's to know about: it becomes a top-level GraphQL error with
 * {@code extensions.code} and this message in the caller's language, never a stack trace.
 * {@link #getMessage()} is the English rendering (for logs).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final Message text;

    public ApiException(ErrorCode code, Message text) {
        this(code, null, text);
    }

    public ApiException(ErrorCode code, String field, Message text) {
        super(text.toString());
        this.code = code;
        this.field = field;
        this.text = text;
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public ApiException(ErrorCode code, String message) {
        this(code, null, Message.english(message));
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public ApiException(ErrorCode code, String field, String message) {
        this(code, field, Message.english(message));
    }

    public static ApiException badRequest(String field, Message text) {
        return new ApiException(ErrorCode.BAD_REQUEST, field, text);
    }

    public static ApiException notFound(Message text) {
        return new ApiException(ErrorCode.NOT_FOUND, text);
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, field, message);
    }

    /** A plain English sentence (code not yet converted to message keys). */
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

    /** The message, to render in the caller's language. */
    public Message text() {
        return text;
    }
}
