package vn.htxconnect.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.htxconnect.platform.VietnameseText;

/**
 * The regional synonym rules of {@code search-config/synonyms/vi-regional.txt}, parsed into a
 * lookup by folded phrase. The file documents its own format; malformed lines are rejected with
 * their line number.
 */
public final class SynonymRules {

    /** Where the rule file sits on the classpath (the pom copies {@code search-config/} there). */
    public static final String CLASSPATH_LOCATION = "search-config/synonyms/vi-regional.txt";

    private static final String ONE_WAY = "=>";
    private static final String EXACT_PREFIX = "=";

    /**
     * One matchable term: its normalised form and tokens, whether it needs its diacritics typed,
     * and what it expands to (empty for a protected phrase).
     */
    record Entry(String term, List<String> tokens, boolean exactOnly, List<String> equivalents) {
    }

    private final Map<String, List<Entry>> byFoldedPhrase;
    private final Map<String, Entry> byTerm;
    private final int maxTokens;
    /** Computed once (asked on every query), in the order of their folded words, so queries come out the same. */
    private final List<List<String>> protectedPhrases;

    private SynonymRules(Map<String, Entry> byTerm) {
        this.byTerm = Map.copyOf(byTerm);
        Map<String, List<Entry>> index = new HashMap<>();
        int longest = 0;
        for (Entry entry : byTerm.values()) {
            index.computeIfAbsent(String.join(" ", foldAll(entry.tokens())), k -> new ArrayList<>()).add(entry);
            longest = Math.max(longest, entry.tokens().size());
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byFoldedPhrase = Map.copyOf(index);
        this.maxTokens = longest;
        this.protectedPhrases = byTerm.values().stream().filter(e -> e.equivalents().isEmpty() && e.tokens().size() > 1)
                .map(Entry::tokens).sorted(Comparator.comparing((List<String> t) -> String.join(" ", foldAll(t)))
                        .thenComparing(t -> String.join(" ", t))).toList();
    }

    /** Loads the rules from {@link #CLASSPATH_LOCATION}; fails if the file is missing or malformed. */
    public static SynonymRules fromClasspath() {
        ClassLoader loader = SynonymRules.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("Synonym rules not found on the classpath: " + CLASSPATH_LOCATION);
            }
            return parse(in, CLASSPATH_LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_LOCATION, e);
        }
    }

    /** Parses UTF-8 rule text; {@code source} names it in error messages. */
    public static SynonymRules parse(InputStream in, String source) {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /**
     * Parses rule text; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException for a malformed line, naming the source and line number
     */
    public static SynonymRules parse(Reader reader, String source) {
        Parser parser = new Parser(source);
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            while ((line = lines.readLine()) != null) {
                parser.line(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read synonym rules from " + source, e);
        }
        return new SynonymRules(parser.entries());
    }

    /** Parses rule text held in a string, for tests and tools. */
    public static SynonymRules parse(String text) {
        return parse(new StringReader(text), "<string>");
    }

    /**
     * What a term expands to, in file order: empty if the term is unknown or protected.
     * The term is normalised first, so case and composition do not matter.
     */
    public List<String> equivalentsOf(String term) {
        Entry entry = byTerm.get(VietnameseText.normalize(term));
        return entry == null ? List.of() : entry.equivalents();
    }

    /** Number of distinct matchable terms (left sides, group members and protected phrases). */
    public int size() {
        return byTerm.size();
    }

    /** The words of each protected phrase ({@code a => a}) of two words or more, e.g. ["lá", "dứa"]. */
    List<List<String>> protectedPhrases() {
        return protectedPhrases;
    }

    /** Entries whose folded tokens, joined by single spaces, equal {@code foldedPhrase}. */
    List<Entry> lookup(String foldedPhrase) {
        return byFoldedPhrase.getOrDefault(foldedPhrase, List.of());
    }

    /** Token count of the longest term, the longest span worth looking up. */
    int maxTokens() {
        return maxTokens;
    }

    private static List<String> foldAll(List<String> tokens) {
        return tokens.stream().map(VietnameseText::fold).toList();
    }

    /** Accumulates entries line by line; merges a term that appears in several rules. */
    private static final class Parser {

        private record Term(String text, boolean exactOnly) {
        }

        private final String source;
        private final Map<String, Set<String>> equivalents = new LinkedHashMap<>();
        private final Map<String, Boolean> exactOnly = new HashMap<>();
        private final Map<String, Integer> firstLine = new HashMap<>();
        private int lineNumber;

        Parser(String source) {
            this.source = source;
        }

        void line(String raw) {
            lineNumber++;
            String line = raw;
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = line.replace("\uFEFF", "").strip();
            if (line.isEmpty()) {
                return;
            }
            int arrow = line.indexOf(ONE_WAY);
            if (arrow < 0) {
                group(terms(line, true, "group"));
                return;
            }
            if (line.indexOf(ONE_WAY, arrow + ONE_WAY.length()) >= 0) {
                throw error("more than one '" + ONE_WAY + "'");
            }
            List<Term> left = terms(line.substring(0, arrow), true, "left side");
            List<Term> right = terms(line.substring(arrow + ONE_WAY.length()), false, "right side");
            for (Term from : left) {
                add(from, right.stream().map(Term::text).filter(t -> !t.equals(from.text())).toList());
            }
        }

        private void group(List<Term> terms) {
            if (terms.size() < 2) {
                throw error("a group needs at least two terms separated by ','"
                        + " (to protect a phrase write 'phrase => phrase')");
            }
            for (Term term : terms) {
                add(term, terms.stream().map(Term::text).filter(t -> !t.equals(term.text())).toList());
            }
        }

        private List<Term> terms(String side, boolean matchable, String where) {
            if (side.isBlank()) {
                throw error(where + " is empty");
            }
            List<Term> terms = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String part : side.split(",", -1)) {
                String text = part.strip();
                boolean exact = text.startsWith(EXACT_PREFIX);
                if (exact) {
                    if (!matchable) {
                        throw error("'" + EXACT_PREFIX + "' only applies to terms that are matched"
                                + " (group members or the left side), not to '" + text + "'");
                    }
                    text = text.substring(EXACT_PREFIX.length()).strip();
                }
                if (text.isEmpty()) {
                    throw error("empty term in " + where);
                }
                String normalized = VietnameseText.normalize(text);
                if (!String.join(" ", VietnameseText.tokens(normalized)).equals(normalized)) {
                    throw error("term '" + text + "' may contain only letters, digits and spaces");
                }
                if (!seen.add(normalized)) {
                    throw error("term '" + text + "' appears twice in " + where);
                }
                terms.add(new Term(normalized, exact));
            }
            return terms;
        }

        private void add(Term term, List<String> newEquivalents) {
            Boolean previous = exactOnly.putIfAbsent(term.text(), term.exactOnly());
            if (previous != null && previous != term.exactOnly()) {
                throw error("term '" + term.text() + "' is marked '" + EXACT_PREFIX + "' on one line but not"
                        + " on the other (line " + firstLine.get(term.text()) + "); mark it the same everywhere");
            }
            firstLine.putIfAbsent(term.text(), lineNumber);
            equivalents.computeIfAbsent(term.text(), k -> new LinkedHashSet<>()).addAll(newEquivalents);
        }

        Map<String, Entry> entries() {
            Map<String, Entry> entries = new LinkedHashMap<>();
            equivalents.forEach((term, eqs) -> entries.put(term, new Entry(term,
                    VietnameseText.tokens(term), exactOnly.get(term), List.copyOf(eqs))));
            return entries;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + " line " + lineNumber + ": " + message);
        }
    }
}
