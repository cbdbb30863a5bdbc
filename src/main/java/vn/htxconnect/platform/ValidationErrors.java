package vn.htxconnect.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects {@link UserError}s while an input is checked, so a client sees every problem at once. */
public final class ValidationErrors {

    private final List<UserError> errors = new ArrayList<>();

    public ValidationErrors add(String field, UserErrorCode code, String message) {
        errors.add(UserError.of(field, code, message));
        return this;
    }

    /** Required non-blank text no longer than {@code max} characters; returns the trimmed value. */
    public String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, UserErrorCode.REQUIRED, field + " is required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, UserErrorCode.TOO_LONG, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<UserError> list() {
        return List.copyOf(errors);
    }
}
