package vn.htxconnect.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay global IDs: base64url of {@code Type:databaseId}. Clients must not parse them;
 * {@code node(id:)} resolves any of them.
 */
public record GlobalId(String type, long id) {

    public static String encode(String type, long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an ID of any type; a malformed ID is a BAD_REQUEST naming the argument. */
    public static GlobalId decode(String field, String globalId) {
        if (globalId == null || globalId.isBlank() || globalId.length() > 200) {
            throw ApiException.badRequest(field, Message.of("id.invalid"));
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw ApiException.badRequest(field, Message.of("id.invalid"));
            }
            return new GlobalId(raw.substring(0, colon), Long.parseLong(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, Message.of("id.invalid"));
        }
    }

    /** Decodes an ID that must be of {@code expectedType}. */
    public static long decode(String field, String globalId, String expectedType) {
        GlobalId id = decode(field, globalId);
        if (!id.type().equals(expectedType)) {
            throw ApiException.badRequest(field, Message.of("id.wrongType", expectedType));
        }
        return id.id();
    }

    /** Like {@link #decode(String, String, String)} but returns null instead of failing (for payload validation). */
    public static Long tryDecode(String globalId, String expectedType) {
        try {
            return decode("id", globalId, expectedType);
        } catch (ApiException e) {
            return null;
        }
    }
}
