package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.htxconnect.platform.VietnameseText;

/**
 * Corrected readings of how people actually type Vietnamese on a phone or with the input method off:
 * syllables run together ("nuocmam", "thanhlong"), a code split from its number ("st 25", "ri 6") or a
 * number split from its code in the listing, Telex leftovers ("caf phee", "mawtj ong"), VNI digits
 * ("ca2 phe6") and doubled letters ("xoaii", "ongg").
 *
 * <p>The test is Vietnamese phonotactics, not a word list: a folded token that is already a possible
 * syllable is left alone, and a correction is only taken when every piece it yields is a possible
 * syllable. That keeps it working on words no fixture has, and it leaves codes and foreign words that
 * cannot be read as Vietnamese syllables ("robusta", "st25") as typed. Readings are folded (tone marks
 * play no part in them); search uses them as a lower tier below what was typed, never instead of it.
 */
final class TypingCorrections {

    private static final String ONSET = "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?";
    private static final Pattern SYLLABLE = Pattern.compile("^" + ONSET + "([aeiouy]{1,3})(ch|ng|nh|c|m|n|p|t)?$");
    /**
     * Vowel groups (folded) that end the syllable (a glide closes it), that need a final consonant, or
     * that may take one ("ua" is both "mua" and the "uâ" of "xuất").
     */
    private static final Set<String> OPEN_ONLY = Set.of("ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ui",
            "uu", "oai", "oay", "oeo", "uay", "uoi", "uou", "uya", "uyu", "ieu", "yeu", "ya");
    private static final Set<String> NEEDS_FINAL = Set.of("ie", "uo", "ye", "uye");
    private static final Set<String> EITHER = Set.of("a", "e", "i", "o", "u", "y", "oa", "oe", "oo", "ua", "ue", "uy");
    private static final Pattern LETTERS = Pattern.compile("[a-z]+");
    private static final Pattern LETTERS_THEN_NUMBER = Pattern.compile("([a-z]+)([0-9]{1,3})");
    private static final Pattern CODE_AND_NUMBER = Pattern.compile("([a-z]{1,4})([0-9]{1,3})");
    private static final int MAX_SEGMENTED_LENGTH = 24;
    private static final int MAX_SYLLABLE_LENGTH = 7;
    static final int MAX_READINGS = 4;

    private TypingCorrections() {
    }

    /**
     * Readings of the folded query other than itself, best first: every token corrected where it cannot
     * be a syllable as typed (each way of splitting run-together syllables into the fewest pieces:
     * "matong" is "mat ong" or "ma tong", and only the catalogue can tell), a code joined to the number
     * typed after it ("st 25" → "st25"), a code split from its number ("st25" → "st 25"), and two
     * syllables written together as a listing may have them ("ca cao" → "cacao"). At most
     * twice {@value #MAX_READINGS}; empty when nothing needs correcting.
     */
    static List<String> readings(String query) {
        List<String> tokens = VietnameseText.tokens(VietnameseText.fold(query));
        List<String> partial = new ArrayList<>(List.of(""));
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            List<String> options;
            if (i + 1 < tokens.size() && isCodePart(t) && tokens.get(i + 1).chars().allMatch(Character::isDigit)
                    && tokens.get(i + 1).length() <= 3) {
                options = List.of(t + tokens.get(i + 1));
                i++;
            } else {
                options = corrections(t);
            }
            List<String> next = new ArrayList<>();
            for (String head : partial) {
                for (String option : options) {
                    if (next.size() < MAX_READINGS) {
                        next.add(head.isEmpty() ? option : head + " " + option);
                    }
                }
            }
            partial = next;
        }
        Set<String> out = new LinkedHashSet<>(partial);
        List<String> split = new ArrayList<>();
        for (String t : tokens) {
            Matcher m = CODE_AND_NUMBER.matcher(t);
            split.add(m.matches() && vni(t) == null ? m.group(1) + " " + m.group(2) : t);
        }
        out.add(String.join(" ", split));
        // Syllables the listing may have written together ("ca cao" as "cacao"): each adjacent pair joined.
        if (tokens.size() <= MAX_READINGS) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (isSyllable(tokens.get(i)) && isSyllable(tokens.get(i + 1))) {
                    List<String> joined = new ArrayList<>(tokens);
                    joined.set(i, tokens.get(i) + tokens.get(i + 1));
                    joined.remove(i + 1);
                    out.add(String.join(" ", joined));
                }
            }
        }
        out.remove(String.join(" ", tokens));
        return out.stream().limit(2L * MAX_READINGS).toList();
    }

    /** The token corrected into one or more syllables (space separated), or the token itself: the first of {@link #corrections}. */
    static String correct(String token) {
        return corrections(token).getFirst();
    }

    /** Every way the token reads as syllables, best first, or just the token when it needs no correction or has none. */
    static List<String> corrections(String token) {
        if (token.isEmpty() || isSyllable(token) || token.chars().allMatch(Character::isDigit)) {
            return List.of(token);
        }
        if (!LETTERS.matcher(token).matches()) {
            String decoded = vni(token);
            if (decoded != null) {
                return List.of(decoded);
            }
            // Run together before a code: "sauriengri6" is "sau rieng ri6".
            Matcher code = LETTERS_THEN_NUMBER.matcher(token);
            List<String> split = code.matches() ? segmentations(code.group(1)) : List.of();
            return split.isEmpty() ? List.of(token) : split.stream().map(r -> r + code.group(2)).toList();
        }
        String whole = syllable(token);
        if (whole != null) {
            return List.of(whole);
        }
        List<String> segmented = segmentations(token);
        return segmented.isEmpty() ? List.of(token) : segmented;
    }

    /** Whether a folded, lower-case word can be a Vietnamese syllable. */
    static boolean isSyllable(String w) {
        Matcher m = SYLLABLE.matcher(w);
        if (!m.matches()) {
            return false;
        }
        String onset = m.group(1) == null ? "" : m.group(1);
        String vowels = m.group(2);
        boolean hasFinal = m.group(3) != null;
        boolean frontVowel = "eiy".indexOf(vowels.charAt(0)) >= 0;
        // k, gh and ngh are written only before e, i, y, and c and ng never are (ke, ghe, nghe; ca, ga, nga).
        if ((onset.equals("k") || onset.equals("gh") || onset.equals("ngh")) && !frontVowel) {
            return false;
        }
        if ((onset.equals("c") || onset.equals("ng")) && frontVowel) {
            return false;
        }
        if (OPEN_ONLY.contains(vowels)) {
            return !hasFinal;
        }
        if (NEEDS_FINAL.contains(vowels)) {
            return hasFinal;
        }
        return EITHER.contains(vowels);
    }

    /**
     * Splits run-together letters into the fewest syllables, each possible as typed; every such split,
     * longer first syllables first, at most {@value #MAX_READINGS}. Telex and doubled letters are undone
     * only for a whole token: inside a run, "bus" of "robusta" would read as "bú". Empty when there is no split.
     */
    private static List<String> segmentations(String token) {
        if (token.length() > MAX_SEGMENTED_LENGTH) {
            return List.of();
        }
        int n = token.length();
        int[] fewest = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[n] = 0;
        for (int start = n - 1; start >= 0; start--) {
            for (int end = Math.min(n, start + MAX_SYLLABLE_LENGTH); end > start; end--) {
                if (fewest[end] != Integer.MAX_VALUE && isSyllable(token.substring(start, end))) {
                    fewest[start] = Math.min(fewest[start], fewest[end] + 1);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (fewest[0] != Integer.MAX_VALUE && fewest[0] >= 2) {
            collect(token, 0, fewest, "", out);
        }
        return out;
    }

    private static void collect(String token, int start, int[] fewest, String sofar, List<String> out) {
        if (start == token.length()) {
            out.add(sofar);
            return;
        }
        for (int end = Math.min(token.length(), start + MAX_SYLLABLE_LENGTH); end > start && out.size() < MAX_READINGS; end--) {
            if (fewest[end] == fewest[start] - 1 && isSyllable(token.substring(start, end))) {
                collect(token, end, fewest, sofar.isEmpty() ? token.substring(start, end) : sofar + " " + token.substring(start, end), out);
            }
        }
    }

    /** The piece as a syllable: as typed, with Telex keys undone, or with a doubled letter undone; else null. */
    private static String syllable(String piece) {
        if (isSyllable(piece)) {
            return piece;
        }
        String telex = telex(piece);
        if (telex != null && isSyllable(telex)) {
            return telex;
        }
        String single = piece.replaceAll("([a-z])\\1+", "$1");
        return !single.equals(piece) && isSyllable(single) ? single : null;
    }

    /**
     * Undoes Telex keys, folded: "aa", "aw", "ee", "oo", "ow", "uw", "dd" and a lone "w" are letters with
     * marks, and s, f, r, x, j after the first vowel are tone keys (no syllable ends in those letters).
     */
    private static String telex(String piece) {
        String s = piece.replace("uw", "u").replace("ow", "o").replace("aw", "a").replace("aa", "a")
                .replace("ee", "e").replace("oo", "o").replace("dd", "d").replace('w', 'u');
        int firstVowel = -1;
        for (int i = 0; i < s.length(); i++) {
            if ("aeiouy".indexOf(s.charAt(i)) >= 0) {
                firstVowel = i;
                break;
            }
        }
        if (firstVowel < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.substring(0, firstVowel + 1));
        for (int i = firstVowel + 1; i < s.length(); i++) {
            if ("sfrxj".indexOf(s.charAt(i)) < 0) {
                out.append(s.charAt(i));
            }
        }
        String result = out.toString();
        return result.equals(piece) ? null : result;
    }

    /**
     * Undoes VNI digits, folded: 1–5 are tones (one at most), 6 a circumflex on a, e or o, 7 a horn on o
     * or u, 8 a breve on a, 9 the stroke of đ. Null unless every digit fits the letters it follows and
     * what is left is a syllable, so "ri6" (a durian variety) and "st25" stay as they are.
     */
    static String vni(String token) {
        StringBuilder letters = new StringBuilder();
        int tones = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
                continue;
            }
            if (c < '1' || c > '9' || letters.isEmpty()) {
                return null;
            }
            String before = letters.toString();
            boolean fits = switch (c) {
                case '1', '2', '3', '4', '5' -> ++tones == 1 && before.chars().anyMatch(ch -> "aeiouy".indexOf(ch) >= 0);
                case '6' -> before.chars().anyMatch(ch -> "aeo".indexOf(ch) >= 0);
                case '7' -> before.chars().anyMatch(ch -> "ou".indexOf(ch) >= 0);
                case '8' -> before.indexOf("a") >= 0;
                default -> before.indexOf("d") >= 0;
            };
            if (!fits) {
                return null;
            }
        }
        String word = letters.toString();
        return word.length() < token.length() && isSyllable(word) ? word : null;
    }

    private static boolean isCodePart(String token) {
        return token.length() <= 3 && LETTERS.matcher(token).matches() && !token.isEmpty();
    }
}
