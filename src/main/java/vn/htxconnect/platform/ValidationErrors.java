package vn.htxconnect.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects {@link UserError}s while an input is checked, so a client sees every problem at once, and
 * warnings: remarks on input that is accepted all the same.
 */
public final class ValidationErrors {

    private final List<UserError> errors = new ArrayList<>();
    private final List<UserError> warnings = new ArrayList<>();

    public ValidationErrors add(String field, UserErrorCode code, Message text) {
        errors.add(UserError.of(field, code, text));
        return this;
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public ValidationErrors add(String field, UserErrorCode code, String message) {
        return add(field, code, Message.english(message));
    }

    /** A remark that does not stop the input being accepted. */
    public ValidationErrors warn(String field, UserErrorCode code, Message text) {
        warnings.add(UserError.of(field, code, text));
        return this;
    }

    /** A plain English sentence (code not yet converted to message keys). */
    public ValidationErrors warn(String field, UserErrorCode code, String message) {
        return warn(field, code, Message.english(message));
    }

    /** Required non-blank text no longer than {@code max} characters; returns the trimmed value. */
    public String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, UserErrorCode.REQUIRED, Message.of("input.required", field));
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, UserErrorCode.TOO_LONG, Message.of("input.tooLong", field, max));
        }
        return trimmed;
    }

    /**
     * A latitude/longitude pair, which must come together and in range; returns {lat, lon}, or null
     * when neither is given or (with an error naming the field) when the pair is incomplete or invalid.
     */
    public double[] point(String latField, Double lat, String lonField, Double lon) {
        if (lat == null && lon == null) {
            return null;
        }
        // The plain lat/lon pair has Vietnamese names of its own; other pairs (deliveryLat…) are named as written.
        boolean plain = latField.equals("lat") && lonField.equals("lon");
        if (lat == null || lon == null) {
            add(lat == null ? latField : lonField, UserErrorCode.REQUIRED,
                    plain ? Message.of("input.latLon.together") : Message.of("input.point.together", latField, lonField));
        } else if (lat.isNaN() || lat < -90 || lat > 90) {
            add(latField, UserErrorCode.OUT_OF_RANGE,
                    plain ? Message.of("input.lat.range") : Message.of("input.point.latitude", latField));
        } else if (lon.isNaN() || lon < -180 || lon > 180) {
            add(lonField, UserErrorCode.OUT_OF_RANGE,
                    plain ? Message.of("input.lon.range") : Message.of("input.point.longitude", lonField));
        } else {
            return new double[] {lat, lon};
        }
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<UserError> list() {
        return List.copyOf(errors);
    }

    public List<UserError> warnings() {
        return List.copyOf(warnings);
    }
}
