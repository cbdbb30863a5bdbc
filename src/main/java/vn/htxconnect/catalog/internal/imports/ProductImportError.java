package vn.htxconnect.catalog.internal.imports;

import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.UserErrorCode;

/**
 * Why a CSV row was rejected. Reports are stored, so the message is written once, in the language of
 * the caller who uploaded the file, with input field names given as the file's column names.
 *
 * @param row spreadsheet row number (the header is row 1)
 * @param column the CSV column, or null when the problem is the row as a whole
 */
public record ProductImportError(int row, String column, UserErrorCode code, String message) {

    static final int MAX_MESSAGE = 500;

    public ProductImportError {
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }

    /** {@code text} rendered in {@code language} ("vi" or "en"), in column terms. */
    static ProductImportError of(int row, String column, UserErrorCode code, Message text, String language) {
        return new ProductImportError(row, column, code, ImportColumn.inColumnTerms(Messages.render(text, language)));
    }
}
