package vn.htxconnect.catalog.internal.imports;

import vn.htxconnect.platform.UserErrorCode;

/**
 * Why a CSV row was rejected.
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
}
