package vn.htxconnect.inquiry.internal;

import java.util.regex.Pattern;

import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnameseText;

/** Checks and cleans the text people write: NFC, no invisible control characters, bounded length. */
final class InquiryText {

    static final int MAX_BODY = 4000;
    static final int MAX_SUBJECT = 200;
    static final int PREVIEW = 200;

    // Control characters other than line breaks and tabs, and format characters such as bidi
    // overrides, only ever disguise text: they are dropped rather than refused. Zero-width joiners
    // stay, since emoji sequences need them.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t\\u200C\\u200D]]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private InquiryText() {
    }

    /** A message body: NFC, CRLF as LF, at most {@link #MAX_BODY} characters (code points); null when invalid. */
    static String body(ValidationErrors errors, String field, String value) {
        String text = CONTROL.matcher(VietnameseText.nfc(value).replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
        return bounded(errors, field, text, MAX_BODY);
    }

    /** A one-line subject: NFC, whitespace collapsed, at most {@link #MAX_SUBJECT} characters; null when invalid. */
    static String subject(ValidationErrors errors, String field, String value) {
        String text = WHITESPACE.matcher(CONTROL.matcher(VietnameseText.nfc(value)).replaceAll("")).replaceAll(" ").strip();
        return bounded(errors, field, text, MAX_SUBJECT);
    }

    /** The start of a body for inbox lists, cut at a code point boundary. */
    static String preview(String body) {
        if (body.codePointCount(0, body.length()) <= PREVIEW) {
            return body;
        }
        return body.substring(0, body.offsetByCodePoints(0, PREVIEW - 1)) + "…";
    }

    private static String bounded(ValidationErrors errors, String field, String text, int max) {
        if (text.isEmpty()) {
            errors.add(field, UserErrorCode.REQUIRED, Message.of("input.required", field));
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(field, UserErrorCode.TOO_LONG, Message.of("input.tooLong", field, max));
            return null;
        }
        return text;
    }
}
