package vn.htxconnect.search.internal;

import vn.htxconnect.platform.VietnameseText;

/**
 * Moves highlight marks found in folded text back onto the original text, so a buyer who typed
 * "ca phe" sees "<em>Cà phê</em> Robusta", not the folded form. Folding NFC text maps each
 * character to one character, so offsets carry over; when they do not, the folded fragment is kept.
 */
final class Highlights {

    static final String PRE = "<em>";
    static final String POST = "</em>";

    private Highlights() {
    }

    static String onOriginal(String original, String foldedHighlight) {
        if (original == null || foldedHighlight == null) {
            return foldedHighlight;
        }
        String plain = foldedHighlight.replace(PRE, "").replace(POST, "");
        if (plain.length() != original.length() || !plain.equals(VietnameseText.fold(original))) {
            return null;
        }
        StringBuilder out = new StringBuilder(original.length() + 16);
        int pos = 0;
        int i = 0;
        while (i < foldedHighlight.length()) {
            if (foldedHighlight.startsWith(PRE, i)) {
                out.append(PRE);
                i += PRE.length();
            } else if (foldedHighlight.startsWith(POST, i)) {
                out.append(POST);
                i += POST.length();
            } else {
                out.append(original.charAt(pos++));
                i++;
            }
        }
        return out.toString();
    }

    /** Cuts a long highlighted text to about {@code size} characters around its first mark. */
    static String around(String highlighted, int size) {
        if (highlighted.length() <= size) {
            return highlighted;
        }
        int first = Math.max(0, highlighted.indexOf(PRE));
        int start = Math.max(0, first - size / 3);
        int space = highlighted.lastIndexOf(' ', start);
        start = space > 0 && start - space < 20 ? space + 1 : start;
        int end = Math.min(highlighted.length(), start + size);
        String cut = highlighted.substring(start, end);
        // Do not leave a mark open.
        if (cut.lastIndexOf(PRE) > cut.lastIndexOf(POST)) {
            cut = cut + POST;
        }
        if (cut.indexOf(POST) >= 0 && (cut.indexOf(PRE) < 0 || cut.indexOf(POST) < cut.indexOf(PRE))) {
            cut = PRE + cut;
        }
        return (start > 0 ? "…" : "") + cut + (end < highlighted.length() ? "…" : "");
    }
}
