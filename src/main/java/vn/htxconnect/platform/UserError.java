package vn.htxconnect.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A validation problem returned in a mutation payload's {@code errors} list; its text is rendered in
 * the caller's language when sent.
 *
 * @param field path to the offending input field, e.g. {@code ["input", "priceMinVnd"]}
 */
public record UserError(List<String> field, UserErrorCode code, Message text) {

    /** A plain English sentence (code not yet converted to message keys). */
    public UserError(List<String> field, UserErrorCode code, String message) {
        this(field, code, Message.english(message));
    }

    /** The English text (for logs and for code that reports it in English). */
    public String message() {
        return text.toString();
    }

    /** {@code field} may be a dotted path with indexes: {@code certifications[0].validTo} → input, certifications, 0, validTo. */
    public static UserError of(String field, UserErrorCode code, Message text) {
        List<String> path = new ArrayList<>();
        path.add("input");
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket > 0 && part.endsWith("]")) {
                path.add(part.substring(0, bracket));
                path.add(part.substring(bracket + 1, part.length() - 1));
            } else {
                path.add(part);
            }
        }
        return new UserError(List.copyOf(path), code, text);
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public static UserError of(String field, UserErrorCode code, String message) {
        return of(field, code, Message.english(message));
    }
}
