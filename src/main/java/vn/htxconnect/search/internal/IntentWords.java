package vn.htxconnect.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.htxconnect.platform.VietnameseText;

/**
 * Phrases a buyer types about the buying rather than the product ("cần mua", "số lượng lớn"), from
 * {@code search-config/query/vi-intent-words.txt}. Search takes them out of the words a product must
 * contain, so "cần mua bưởi da xanh số lượng lớn" finds the pomelos.
 */
final class IntentWords {

    static final String CLASSPATH_LOCATION = "search-config/query/vi-intent-words.txt";

    private static final String PROTECTED = "!";
    private static final String UNITS = "units:";
    private static final String SELLER = "seller:";
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("[0-9]+([a-z]+)");
    /** "năm" with its marks: unmarked "nam" after a unit is as likely "nấm" (mushrooms). */
    private static final Set<String> PERIODS = Set.of("ngày", "tuần", "tháng", "năm", "vụ");

    /** Phrases as normalised tokens, longest first; protected ones are kept, not marked. */
    private final List<List<String>> phrases;
    private final Set<List<String>> protectedPhrases;
    /** Folded units of quantity: a number followed by one ("5 tấn", "100kg") is not what is sought. */
    private final Set<String> units;
    /** Kinds of seller ("htx", "hợp tác xã"), folded: a query with one looks for a cooperative. */
    private final List<String> sellerKinds;

    IntentWords(List<String> lines) {
        List<List<String>> all = new ArrayList<>();
        Set<List<String>> kept = new HashSet<>();
        Set<String> unitSet = new HashSet<>();
        List<String> sellers = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(UNITS)) {
                VietnameseText.tokens(VietnameseText.fold(line.substring(UNITS.length()))).forEach(unitSet::add);
                continue;
            }
            if (line.startsWith(SELLER)) {
                line = line.substring(SELLER.length()).strip();
                sellers.add(String.join(" ", VietnameseText.tokens(VietnameseText.fold(line))));
            }
            boolean isProtected = line.startsWith(PROTECTED);
            List<String> tokens = VietnameseText.tokens(VietnameseText.normalize(isProtected ? line.substring(1) : line));
            if (!tokens.isEmpty()) {
                all.add(tokens);
                if (isProtected) {
                    kept.add(tokens);
                }
            }
        }
        this.phrases = all.stream().sorted(Comparator.comparingInt(List<String>::size).reversed()).toList();
        this.protectedPhrases = Set.copyOf(kept);
        this.units = Set.copyOf(unitSet);
        this.sellerKinds = List.copyOf(sellers);
    }

    /**
     * The phrases of buying (not the protected ones), as normalised tokens, longest first: the one list
     * that matching's item gate ({@link ItemIdentity}) also leaves out of what a request asks for.
     */
    List<List<String>> buyingPhrases() {
        return phrases.stream().filter(p -> !protectedPhrases.contains(p)).toList();
    }

    /** Whether the (folded) query names a kind of seller ("htx", "hợp tác xã", "tổ hợp tác"). */
    boolean namesSeller(String folded) {
        String padded = " " + folded + " ";
        return sellerKinds.stream().anyMatch(w -> padded.contains(" " + w + " "));
    }

    static IntentWords fromClasspath() {
        try (InputStream in = IntentWords.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("Intent words not found on the classpath: " + CLASSPATH_LOCATION);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int hash = line.indexOf('#');
                    String phrase = (hash >= 0 ? line.substring(0, hash) : line).strip();
                    if (!phrase.isEmpty()) {
                        lines.add(phrase);
                    }
                }
            }
            return new IntentWords(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each of the typed (normalised) tokens, whether it belongs to an intent phrase. A token typed
     * with tone marks must equal the phrase's; one typed without matches the folded phrase. When every
     * token would be marked, none is: a query of intent words alone is searched as typed.
     */
    boolean[] mark(List<String> typed) {
        boolean[] marked = new boolean[typed.size()];
        int i = 0;
        int count = 0;
        while (i < typed.size()) {
            List<String> found = null;
            for (List<String> phrase : phrases) {
                // One word typed without tone marks is too ambiguous in the middle of a query ("hanh tim" is
                // purple shallots, not "search"): it counts only where a buyer's sentence starts.
                boolean ambiguous = phrase.size() == 1 && !VietnameseText.hasDiacritics(typed.get(i))
                        && i > 0 && !marked[i - 1];
                if (!ambiguous && i + phrase.size() <= typed.size() && matches(typed.subList(i, i + phrase.size()), phrase)) {
                    found = phrase;
                    break;
                }
            }
            // A protected phrase ("cần tây", celery) consumes its words and keeps them.
            boolean keep = found != null && protectedPhrases.contains(found);
            int matched = found != null ? found.size() : quantity(typed, i);
            for (int k = 0; k < matched && !keep; k++) {
                marked[i + k] = true;
            }
            count += keep ? 0 : matched;
            i += Math.max(matched, 1);
        }
        return count == typed.size() ? new boolean[typed.size()] : marked;
    }

    /**
     * How many tokens from {@code i} state a quantity: a number and a unit ("5 tấn", "100 kg", and
     * "100kg" as one token), with a period after it ("2 tấn tháng" from "2 tấn/tháng"); 0 if none.
     */
    private int quantity(List<String> typed, int i) {
        String t = VietnameseText.fold(typed.get(i));
        Matcher joined = NUMBER_AND_UNIT.matcher(t);
        int n;
        if (joined.matches() && units.contains(joined.group(1))) {
            n = 1;
        } else if (t.chars().allMatch(Character::isDigit) && i + 1 < typed.size()
                && units.contains(VietnameseText.fold(typed.get(i + 1)))) {
            n = 2;
        } else {
            return 0;
        }
        List<String> next = i + n < typed.size() ? List.of(typed.get(i + n)) : List.of();
        if (!next.isEmpty() && PERIODS.stream().anyMatch(p -> matches(next, List.of(p)))) {
            n++;
        }
        return n;
    }


    private static boolean matches(List<String> typed, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            String w = typed.get(k);
            boolean same = VietnameseText.hasDiacritics(w) ? w.equals(phrase.get(k))
                    : w.equals(VietnameseText.fold(phrase.get(k)));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
