package vn.htxconnect.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.htxconnect.platform.VietnameseText;

/**
 * Phrases a buyer types about the buying rather than the product ("cần mua", "số lượng lớn"), from
 * {@code search-config/query/vi-intent-words.txt}. Search takes them out of the words a product must
 * contain, so "cần mua bưởi da xanh số lượng lớn" finds the pomelos.
 */
final class IntentWords {

    static final String CLASSPATH_LOCATION = "search-config/query/vi-intent-words.txt";

    /** Phrases as normalised tokens, longest first. */
    private final List<List<String>> phrases;

    IntentWords(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> VietnameseText.tokens(VietnameseText.normalize(p)))
                .filter(t -> !t.isEmpty()).sorted(Comparator.comparingInt(List<String>::size).reversed()).toList();
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
            int matched = 0;
            for (List<String> phrase : phrases) {
                if (i + phrase.size() <= typed.size() && matches(typed.subList(i, i + phrase.size()), phrase)) {
                    matched = phrase.size();
                    break;
                }
            }
            for (int k = 0; k < matched; k++) {
                marked[i + k] = true;
            }
            count += matched;
            i += Math.max(matched, 1);
        }
        return count == typed.size() ? new boolean[typed.size()] : marked;
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
