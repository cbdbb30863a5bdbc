package vn.htxconnect.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Paging arguments: {@code first} defaults to 20 and may not exceed 100 (a larger value is an
 * error, not a silent cap); cursors are opaque base64url strings.
 */
public final class Cursors {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    private Cursors() {
    }

    public static int first(Integer first) {
        if (first == null) {
            return DEFAULT_FIRST;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.badRequest("first", Message.of("paging.first.range", MAX_FIRST, first));
        }
        return first;
    }

    public static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String field, String cursor) {
        if (cursor == null || cursor.length() > 2000) {
            throw ApiException.badRequest(field, Message.of("paging.cursor.invalid"));
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, Message.of("paging.cursor.invalid"));
        }
    }

    public static String offset(int offset) {
        return encode("o:" + offset);
    }

    /** The offset a cursor from {@link #offset(int)} stands for; 0 when there is none. */
    public static int offsetAfter(String after) {
        if (after == null) {
            return 0;
        }
        String raw = decode("after", after);
        if (!raw.startsWith("o:")) {
            throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
        }
        try {
            int offset = Integer.parseInt(raw.substring(2));
            if (offset < 0) {
                throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
        }
    }
}
