package vn.htxconnect.platform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Vietnamese text normalisation and folding, the single place both indexing and querying use.
 * The Elasticsearch we run has no asciifolding, icu or synonym support, so everything that makes
 * "ca phe" find "cà phê" happens here, in the application.
 *
 * <p>All methods accept {@code null} and treat it as empty text.
 */
public final class VietnameseText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    // Soft hyphens, joiners, BOMs and direction marks arrive with copy-pasted text and are
    // invisible; they are dropped. A zero-width space separates words, so it becomes a space.
    private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    /*
     * Words and short phrases with diacritics are normalised and folded again and again: every query compares its
     * words with the same dictionary phrases, category names and synonyms. Their results are remembered (short texts
     * only; the memo starts over when full, so user input cannot grow it without bound). Profile 2 in
     * docs/performance.md: Unicode normalisation was a tenth of a search's own CPU.
     */
    private static final int MEMO_MAX_LENGTH = 64;
    private static final int MEMO_MAX_ENTRIES = 50_000;
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private static String memo(Map<String, String> memo, String text, UnaryOperator<String> compute) {
        String known = memo.get(text);
        if (known != null) {
            return known;
        }
        String value = compute.apply(text);
        if (memo.size() >= MEMO_MAX_ENTRIES) {
            memo.clear();
        }
        memo.put(text, value);
        return value;
    }

    /*
     * Folding one character at a time. Almost all text is ASCII plus precomposed Latin letters (Vietnamese uses
     * U+00C0–U+01B0 and U+1EA0–U+1EF9) and common punctuation and symbols (– ’ “ ” … • ° ₫ ℃): for such text
     * normalise-then-fold is a per-character map — lower case, drop every mark, "đ"/"ð" to "d", punctuation as it is —
     * and needs none of the Unicode normalisation, regular expressions and tone-mark placement of the general path
     * (the tone mark's place does not matter once it is dropped). The table is built from the general path itself,
     * one character at a time between two letters, so the two cannot disagree on a character; VietnameseTextTests
     * compares them on random text. Characters the general path changes with their neighbours or drops (combining
     * marks, format characters, spaces other than ASCII ones, C1 controls) are not in the table: text with any of
     * them, or with other scripts, takes the general path. Document building folded ~15 texts a product through the
     * general path (docs/performance.md, profiles 3 and 4); descriptions are too long for the memo.
     */
    private static final char[] FOLDED_CHAR = foldTable();

    private static char[] foldTable() {
        char[] table = new char[0x2200];
        for (char c = 0xA0; c < table.length; c++) {
            boolean covered = c < 0x250 || (c >= 0x1E00 && c < 0x1F00) || c >= 0x2000;
            int type = Character.getType(c);
            if (!covered || Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.UNASSIGNED || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.CONTROL) {
                continue;
            }
            String one = String.valueOf(c);
            if (!Normalizer.isNormalized(one, Normalizer.Form.NFC) || one.toLowerCase(Locale.ROOT).length() != 1) {
                continue;
            }
            String folded = foldBySteps("x" + c + "x");
            if (folded.length() != 3 || folded.charAt(0) != 'x' || folded.charAt(2) != 'x') {
                continue;
            }
            char f = folded.charAt(1);
            // A letter with marks folds to a plain ASCII letter; punctuation, symbols and letters such as "ß" stay.
            if ((f < 0x80 && Character.isLetter(f)) || f == c) {
                table[c] = f;
            }
        }
        return table;
    }

    /** {@link #fold} of text made of ASCII and the characters of {@link #FOLDED_CHAR}, or null for any other text. */
    static String foldByTable(String s) {
        char[] out = new char[s.length()];
        int n = 0;
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
                    if (!inSpace) {
                        out[n++] = ' ';
                    }
                    inSpace = true;
                    continue;
                }
                out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c < FOLDED_CHAR.length && FOLDED_CHAR[c] != 0) {
                out[n++] = FOLDED_CHAR[c];
            } else {
                return null;
            }
            inSpace = false;
        }
        return new String(out, 0, n).trim();
    }

    /** {@link #fold} by the general path only: normalise, decompose, drop marks (tests compare the table with it). */
    static String foldBySteps(String text) {
        String s = text == null || text.isEmpty() ? "" : normalizeUnicode(text);
        return isAscii(s) ? s : foldNormalized(s);
    }

    private VietnameseText() {
    }

    /** Returns the NFC (composed) form; text typed or pasted in decomposed form becomes comparable. */
    public static String nfc(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Lowercase NFC text with single spaces that keeps every diacritic, for exact-diacritic
     * matching ("nấm", "nam" and "năm" stay distinct).
     *
     * <p>Two spellings that mean the same letters are unified: the tone mark of an open
     * "oa", "oe" or "uy" syllable is put on the first vowel ("hoà" becomes "hòa", "thuỷ" becomes
     * "thủy"; both placements are in common use and names such as Thanh Hóa use this one), and the
     * look-alike "Ð"/"ð" (U+00D0/U+00F0) becomes "đ". Index and query must both pass through this
     * method for that to help.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isAscii(text)) {
            // Most queries are typed without diacritics: no composition, format characters or tone marks to handle.
            return asciiNormalize(text);
        }
        if (text.length() > MEMO_MAX_LENGTH) {
            return normalizeUnicode(text);
        }
        return memo(NORMALIZED, text, VietnameseText::normalizeUnicode);
    }

    private static String normalizeUnicode(String text) {
        String s = nfc(text);
        s = FORMAT_CHARS.matcher(s.replace('\u200B', ' ')).replaceAll("");
        // Lowercasing can yield decomposed sequences (e.g. from "İ"), hence the second NFC.
        s = nfc(s.toLowerCase(Locale.ROOT)).replace('ð', 'đ');
        s = canonicalToneMarks(s);
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    /**
     * Folds text for accent-insensitive matching: {@link #normalize(String)}, then every combining
     * mark is removed and "đ" becomes "d" ("Cà Phê Đắk Lắk" becomes "ca phe dak lak").
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String byTable = foldByTable(text);
        if (byTable != null) {
            return byTable;
        }
        String s = normalize(text);
        if (isAscii(s)) {
            return s;
        }
        return s.length() > MEMO_MAX_LENGTH ? foldNormalized(s) : memo(FOLDED, s, VietnameseText::foldNormalized);
    }

    private static String foldNormalized(String s) {
        String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        // "đ" has no decomposition, so stripping marks leaves it alone.
        return nfc(stripped.replace('đ', 'd'));
    }

    /** True if the text carries any Vietnamese diacritic, i.e. folding changes it. */
    public static boolean hasDiacritics(String text) {
        if (text == null) {
            return false;
        }
        boolean marked = false;
        boolean byTable = true;
        for (int i = 0; i < text.length() && byTable; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // A letter of the table folds to a different one; punctuation stays as it is.
                byTable = c < FOLDED_CHAR.length && FOLDED_CHAR[c] != 0;
                marked |= byTable && FOLDED_CHAR[c] != c;
            }
        }
        if (byTable) {
            return marked;
        }
        String normalized = normalize(text);
        return !normalized.equals(fold(normalized));
    }

    /**
     * Splits NFC text into word tokens roughly as Elasticsearch's standard tokenizer does for
     * Vietnamese: runs of letters and digits (with their combining marks), so "ST25" is one token
     * and punctuation or spaces separate tokens. Case and diacritics are kept; combine with
     * {@link #normalize(String)} or {@link #fold(String)} as needed. Each token is a substring of
     * {@code nfc(text)}.
     */
    public static List<String> tokens(String text) {
        String s = nfc(text);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp) || (start >= 0 && isMark(cp));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens;
    }

    /** Start offset of each token in the text they came from ({@link #tokens} gives substrings, in order). */
    public static int[] tokenStarts(String text, List<String> tokens) {
        int[] starts = new int[tokens.size()];
        int cursor = 0;
        for (int k = 0; k < tokens.size(); k++) {
            starts[k] = text.indexOf(tokens.get(k), cursor);
            cursor = starts[k] + tokens.get(k).length();
        }
        return starts;
    }

    /**
     * Folds and keeps only letters and digits, for comparing codes and names written with
     * different punctuation or spacing ("TP.HCM" and "tp hcm" both become "tphcm").
     */
    public static String foldedKey(String text) {
        String folded = fold(text);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #normalize} of ASCII text, without its Unicode machinery: lower case, each run of whitespace (what
     * {@code \s} means in ASCII) as one space, then trimmed.
     */
    private static String asciiNormalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString().trim();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Moves the tone mark of a word-final "oa", "oe" or "uy" (no final consonant) from the second
     * vowel to the first. With a final consonant ("hoàng", "thuyền") both conventions agree, and
     * "quy" is left alone because there the "u" belongs to the initial "qu".
     */
    private static String canonicalToneMarks(String s) {
        char[] chars = s.toCharArray();
        boolean changed = false;
        for (int i = 1; i < chars.length; i++) {
            boolean wordEnd = i + 1 == chars.length || !Character.isLetter(chars[i + 1]);
            // An ASCII letter carries no tone mark.
            if (!wordEnd || chars[i] < 0x80 || !Character.isLetter(chars[i])) {
                continue;
            }
            char first = chars[i - 1];
            String second = Normalizer.normalize(String.valueOf(chars[i]), Normalizer.Form.NFD);
            if (second.length() != 2 || TONE_MARKS.indexOf(second.charAt(1)) < 0) {
                continue;
            }
            char secondBase = second.charAt(0);
            boolean pair = (first == 'o' && (secondBase == 'a' || secondBase == 'e'))
                    || (first == 'u' && secondBase == 'y');
            if (!pair) {
                continue;
            }
            if (i >= 2) {
                char before = chars[i - 2];
                if (isVowel(before) || (first == 'u' && before == 'q')) {
                    continue;
                }
            }
            String toned = Normalizer.normalize(first + second.substring(1), Normalizer.Form.NFC);
            if (toned.length() != 1) {
                continue;
            }
            chars[i - 1] = toned.charAt(0);
            chars[i] = secondBase;
            changed = true;
        }
        return changed ? new String(chars) : s;
    }

    private static boolean isVowel(char c) {
        // ă, â, ê, ô, ơ, ư and toned vowels all decompose to a plain vowel plus marks.
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return "aeiouy".indexOf(base) >= 0;
    }
}
