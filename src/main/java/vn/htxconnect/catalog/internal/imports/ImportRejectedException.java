package vn.htxconnect.catalog.internal.imports;

import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;

/**
 * The whole import is refused before anything is written: an organization that cannot list products,
 * or a file that is not UTF-8, lacks columns, has too many rows or broken quoting. Names the column
 * or row when there is one.
 */
class ImportRejectedException extends RuntimeException {

    /** {@link #field()} of problems with the file itself (the GraphQL input field holding it). */
    static final String FILE = "csv";
    /** {@link #field()} of problems with the organization. */
    static final String ORGANIZATION = "organizationId";

    private final UserErrorCode code;
    private final String field;
    private final String column;
    private final Integer row;

    private final Message text;

    ImportRejectedException(UserErrorCode code, String field, String column, Integer row, Message text) {
        super(text.toString());
        this.text = text;
        this.code = code;
        this.field = field;
        this.column = column;
        this.row = row;
    }

    /** The message, to render in the caller's language ({@link #getMessage()} is the English one, for logs). */
    Message text() {
        return text;
    }

    UserErrorCode code() {
        return code;
    }

    /** {@link #FILE} or {@link #ORGANIZATION}. */
    String field() {
        return field;
    }

    /** The column(s) the problem is about, comma-separated, or null. */
    String column() {
        return column;
    }

    /** The spreadsheet row (header = 1) the problem is on, or null. */
    Integer row() {
        return row;
    }
}
