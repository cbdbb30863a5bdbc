package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.Message;

/** Opaque cursors over Elasticsearch {@code search_after} sort values. */
final class SearchCursor {

    private static final String SEP = "\u0001";

    private SearchCursor() {
    }

    static String encode(List<FieldValue> sortValues) {
        List<String> parts = new ArrayList<>();
        for (FieldValue v : sortValues) {
            if (v.isDouble()) {
                parts.add("d" + v.doubleValue());
            } else if (v.isLong()) {
                parts.add("l" + v.longValue());
            } else if (v.isString()) {
                parts.add("s" + v.stringValue());
            } else if (v.isBoolean()) {
                parts.add("b" + v.booleanValue());
            } else {
                parts.add("n");
            }
        }
        return Cursors.encode("sa:" + String.join(SEP, parts));
    }

    static List<FieldValue> decode(String cursor, int expectedSize) {
        String raw = Cursors.decode("after", cursor);
        if (!raw.startsWith("sa:")) {
            throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
        }
        String[] parts = raw.substring(3).split(SEP, -1);
        if (parts.length != expectedSize) {
            throw ApiException.badRequest("after", Message.of("search.cursor.otherSort"));
        }
        List<FieldValue> values = new ArrayList<>();
        try {
            for (String p : parts) {
                if (p.isEmpty()) {
                    throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
                }
                String v = p.substring(1);
                values.add(switch (p.charAt(0)) {
                    case 'd' -> FieldValue.of(Double.parseDouble(v));
                    case 'l' -> FieldValue.of(Long.parseLong(v));
                    case 's' -> FieldValue.of(v);
                    case 'b' -> FieldValue.of(Boolean.parseBoolean(v));
                    case 'n' -> FieldValue.NULL;
                    default -> throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
                });
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
        }
        return values;
    }
}
