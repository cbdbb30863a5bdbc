package vn.htxconnect.support.internal;

import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers: ten digits starting 03, 05, 07, 08 or 09 (the prefixes since the 2018
 * renumbering), written with or without spaces, dots or dashes, or in the international form +84 / 84 with
 * the leading 0 dropped. Stored in the national form, so the same phone written two ways is one phone.
 */
final class VietnamesePhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");
    private static final Pattern NATIONAL = Pattern.compile("0[35789][0-9]{8}");

    private VietnamesePhone() {
    }

    /** The national form ({@code 0912345678}), or null when the text is not a Vietnamese mobile number. */
    static String normalize(String text) {
        if (text == null || text.length() > 30) {
            return null;
        }
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return NATIONAL.matcher(digits).matches() ? digits : null;
    }
}
