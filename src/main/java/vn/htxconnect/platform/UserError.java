package vn.htxconnect.platform;

import java.util.List;

/**
 * A validation problem returned in a mutation payload's {@code errors} list.
 *
 * @param field path to the offending input field, e.g. {@code ["input", "priceMinVnd"]}
 */
public record UserError(List<String> field, UserErrorCode code, String message) {

    public static UserError of(String field, UserErrorCode code, String message) {
        return new UserError(List.of("input", field), code, message);
    }
}
