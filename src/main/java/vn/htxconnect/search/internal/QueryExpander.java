package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.htxconnect.platform.VietnameseText;

/**
 * Expands a search query with regional synonyms ("thịt heo" also searches "thịt lợn").
 *
 * <p>Matching is greedy and longest-first over tokens, left to right, so protected phrases
 * ("lá dứa") and multi-word terms ("bí ngô") win over shorter rules inside them. A query word
 * typed with diacritics must equal the rule word; one typed without diacritics matches the
 * folded rule word, so unaccented "thit lon" matches "lợn". That is deliberately loose: "lon" is
 * also a can and "lớn" big, but an unaccented query is ambiguous anyway and the exact-diacritic
 * field ranks exact matches first. Terms marked {@code =} in the rule file need their diacritics.
 * One-way rules expand only left to right.
 *
 * <p>Expansion happens at query time only, never at index time: the rules live in one file that
 * can change without a reindex, the index stays literal so exact-diacritic ranking means what the
 * seller wrote, and our Elasticsearch has no synonym filter to do it server-side anyway.
 */
public final class QueryExpander {

    /** Default cap on alternatives, so a long query full of rule words cannot blow up the search. */
    public static final int DEFAULT_MAX_ALTERNATIVES = 16;

    private final SynonymRules rules;
    private final int maxAlternatives;

    public QueryExpander(SynonymRules rules) {
        this(rules, DEFAULT_MAX_ALTERNATIVES);
    }

    public QueryExpander(SynonymRules rules, int maxAlternatives) {
        if (maxAlternatives < 0) {
            throw new IllegalArgumentException("maxAlternatives must not be negative: " + maxAlternatives);
        }
        this.rules = rules;
        this.maxAlternatives = maxAlternatives;
    }

    /** Expands a query; null, empty or blank input gives {@link ExpandedQuery#empty()}. */
    public ExpandedQuery expand(String query) {
        String normalized = VietnameseText.normalize(query);
        if (normalized.isEmpty()) {
            return ExpandedQuery.empty();
        }
        List<ExpandedQuery.Span> spans = match(normalized);
        return new ExpandedQuery(normalized, VietnameseText.fold(normalized),
                VietnameseText.hasDiacritics(normalized), alternatives(normalized, spans), spans);
    }

    /**
     * Protected phrases that contain a word of the query but are not in it, folded: for "dứa" that
     * is "la dua". A product named with one ("Lá dứa tươi", pandan) is about something else than
     * the word alone (pineapple), so search ranks it lower.
     */
    public List<String> phrasesWithOtherMeaning(ExpandedQuery query) {
        List<String> typed = VietnameseText.tokens(query.normalized());
        String folded = " " + query.folded() + " ";
        List<String> out = new ArrayList<>();
        for (List<String> phrase : rules.protectedPhrases()) {
            String joined = VietnameseText.fold(String.join(" ", phrase));
            // A word typed with diacritics must be the phrase's word ("cà" is not "cá" of "cá mè").
            boolean shares = typed.stream().anyMatch(w -> phrase.stream().anyMatch(p -> VietnameseText.hasDiacritics(w)
                    ? w.equals(p) : w.equals(VietnameseText.fold(p))));
            if (shares && !folded.contains(" " + joined + " ")) {
                out.add(joined);
            }
        }
        return out;
    }

    /** Whether the folded words are a term of some rule ("hai san", "bi ngo"): one word to the rules, not two. */
    boolean isTerm(String foldedPhrase) {
        return !rules.lookup(foldedPhrase).isEmpty();
    }

    private List<ExpandedQuery.Span> match(String normalized) {
        List<String> tokens = VietnameseText.tokens(normalized);
        int[] starts = VietnameseText.tokenStarts(normalized, tokens);
        List<String> folded = tokens.stream().map(VietnameseText::fold).toList();
        List<ExpandedQuery.Span> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matchedLength = 0;
            for (int length = Math.min(rules.maxTokens(), tokens.size() - i); length > 0; length--) {
                List<SynonymRules.Entry> entries = accepted(tokens.subList(i, i + length),
                        String.join(" ", folded.subList(i, i + length)));
                if (entries.isEmpty()) {
                    continue;
                }
                matchedLength = length;
                int start = starts[i];
                int end = starts[i + length - 1] + tokens.get(i + length - 1).length();
                ExpandedQuery.Span span = span(normalized.substring(start, end), start, end, entries);
                // A protected phrase consumes its tokens but offers nothing to search for.
                if (!span.equivalents().isEmpty()) {
                    spans.add(span);
                }
                break;
            }
            i += Math.max(matchedLength, 1);
        }
        return spans;
    }

    /** Rule entries with this folded phrase that the typed tokens satisfy, diacritics included. */
    private List<SynonymRules.Entry> accepted(List<String> typed, String foldedPhrase) {
        List<SynonymRules.Entry> accepted = new ArrayList<>();
        for (SynonymRules.Entry entry : rules.lookup(foldedPhrase)) {
            if (accepts(entry, typed)) {
                accepted.add(entry);
            }
        }
        return accepted;
    }

    private static boolean accepts(SynonymRules.Entry entry, List<String> typed) {
        for (int k = 0; k < typed.size(); k++) {
            String word = typed.get(k);
            boolean mustBeExact = entry.exactOnly() || VietnameseText.hasDiacritics(word);
            // The folded forms already agree (that is how the entry was looked up).
            if (mustBeExact && !word.equals(entry.tokens().get(k))) {
                return false;
            }
        }
        return true;
    }

    private static ExpandedQuery.Span span(String text, int start, int end, List<SynonymRules.Entry> entries) {
        List<String> terms = entries.stream().map(SynonymRules.Entry::term).toList();
        Set<String> equivalents = new LinkedHashSet<>();
        entries.forEach(entry -> equivalents.addAll(entry.equivalents()));
        // For unaccented input several terms can match; none of them is an alternative to the others.
        terms.forEach(equivalents::remove);
        equivalents.remove(text);
        return new ExpandedQuery.Span(start, end, text, terms, List.copyOf(equivalents));
    }

    /**
     * One alternative per (span, equivalent), taken round-robin across spans so every span is
     * represented before the cap cuts the list.
     */
    private List<String> alternatives(String normalized, List<ExpandedQuery.Span> spans) {
        Set<String> alternatives = new LinkedHashSet<>();
        int longest = spans.stream().mapToInt(s -> s.equivalents().size()).max().orElse(0);
        for (int round = 0; round < longest; round++) {
            for (ExpandedQuery.Span span : spans) {
                if (alternatives.size() >= maxAlternatives) {
                    return List.copyOf(alternatives);
                }
                if (round < span.equivalents().size()) {
                    String alternative = normalized.substring(0, span.start()) + span.equivalents().get(round)
                            + normalized.substring(span.end());
                    if (!alternative.equals(normalized)) {
                        alternatives.add(alternative);
                    }
                }
            }
        }
        return List.copyOf(alternatives);
    }
}
