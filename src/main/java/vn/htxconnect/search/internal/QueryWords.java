package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.region.ResolvedProvince;

/**
 * How a buyer's words are read before any query is written: what is sought and where (a province
 * named in the query is a place, not words), the synonym alternatives with the regional word each
 * brings in, buying words left out ({@link IntentWords}), where the item starts after a form word,
 * and which two syllables are one word. The tiers ({@link TierLadder}) and the order within them
 * ({@link WithinTier}) only read the result.
 */
final class QueryWords {

    /** Folded words that name a form, not an item, when they lead a query ("bột", "hạt", "trái", "quả", "củ"). */
    private static final Set<String> FORM_WORDS = Set.of("bot", "hat", "trai", "qua", "cu");
    private static final Set<String> GENERIC_AFTER_FORM = Set.of("cay", "qua");
    private static final int MAX_PLACE_WORDS = 5;
    private static final Set<String> PLACE_PREFIXES = Set.of("tỉnh", "thành", "phố", "tp");

    private final QueryExpander expander;
    private final ProvinceService provinces;
    private final CategoryService categories;
    private final IntentWords intentWords;
    private volatile CategoryPairs categoryPairs;

    QueryWords(QueryExpander expander, ProvinceService provinces, CategoryService categories, IntentWords intentWords) {
        this.expander = expander;
        this.provinces = provinces;
        this.categories = categories;
        this.intentWords = intentWords;
    }

    Words words(ExpandedQuery exp) {
        List<String> typed = VietnameseText.tokens(exp.normalized());
        List<String> folded = VietnameseText.tokens(exp.folded());
        return Words.of(exp, place(folded, typed), intentWords);
    }

    /**
     * The query's words split into what is sought and where. Without a place, {@code what} is the
     * whole query; with one, it is the query without the place, and so are the synonym
     * alternatives. All folded except {@code whatNormalized}, which keeps the typed diacritics.
     */
    record Words(List<String> what, String whatNormalized, List<Alternative> alternatives, Place place) {

        static Words of(ExpandedQuery exp, Place place, IntentWords intentWords) {
            List<String> folded = VietnameseText.tokens(exp.folded());
            List<String> typed = VietnameseText.tokens(exp.normalized());
            if (typed.size() != folded.size()) {
                typed = folded; // folding keeps word boundaries; if it ever did not, compare folded words
            }
            boolean[] intent = intentWords.mark(typed);
            List<String> what = new ArrayList<>();
            List<String> whatTyped = new ArrayList<>();
            for (int i = 0; i < folded.size(); i++) {
                boolean inPlace = place != null && i >= place.from() && i < place.to();
                if (!inPlace && !intent[i]) {
                    what.add(folded.get(i));
                    whatTyped.add(typed.get(i));
                }
            }
            List<String> placeWords = place == null ? List.of() : folded.subList(place.from(), place.to());
            List<Alternative> alternatives = new ArrayList<>();
            for (Alternative a : Alternative.all(exp)) {
                List<String> tokens = VietnameseText.tokens(withoutRun(VietnameseText.tokens(a.folded()), placeWords));
                boolean[] marked = intentWords.mark(tokens);
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    if (!marked[i]) {
                        kept.add(tokens.get(i));
                    }
                }
                if (!kept.isEmpty()) {
                    alternatives.add(new Alternative(String.join(" ", kept), a.synonym()));
                }
            }
            return new Words(what, String.join(" ", whatTyped), alternatives, place);
        }

        String whatFolded() {
            return String.join(" ", what);
        }

        private static List<String> without(List<String> tokens, int from, int to) {
            List<String> rest = new ArrayList<>(tokens.subList(0, from));
            rest.addAll(tokens.subList(to, tokens.size()));
            return rest;
        }

        private static String withoutRun(List<String> tokens, List<String> run) {
            int at = run.isEmpty() ? -1 : Collections.lastIndexOfSubList(tokens, run);
            return String.join(" ", at < 0 ? tokens : without(tokens, at, at + run.size()));
        }
    }

    /**
     * A synonym alternative of the query, folded, and the regional word it brings in, with its
     * diacritics: that word must match exactly, or "chè" (tea) would find "chế biến" (processed).
     */
    record Alternative(String folded, String synonym) {

        static List<Alternative> all(ExpandedQuery exp) {
            String typed = exp.normalized();
            List<Alternative> out = new ArrayList<>();
            for (String alt : exp.alternatives()) {
                for (ExpandedQuery.Span span : exp.spans()) {
                    String before = typed.substring(0, span.start());
                    String after = typed.substring(span.end());
                    if (alt.length() >= before.length() + after.length() && alt.startsWith(before) && alt.endsWith(after)) {
                        String synonym = alt.substring(before.length(), alt.length() - after.length());
                        if (span.equivalents().contains(synonym)) {
                            out.add(new Alternative(VietnameseText.fold(alt), synonym));
                            break;
                        }
                    }
                }
            }
            return out;
        }
    }

    /** A province the query names: its current code and the query words (folded) that name it. */
    record Place(String code, String words, int from, int to, boolean legacy) {
    }

    /**
     * The longest run of query words that names a province (current or legacy name, slug or alias),
     * the rightmost if several: places usually come last ("thanh long An Giang" is not Long An).
     * Words typed with tone marks must be the province's: "hoa huệ" (lilies) is not in Huế.
     */
    private Place place(List<String> tokens, List<String> typedTokens) {
        // Folding keeps word boundaries, so the lists align; if they ever did not, skip the tone-mark check.
        List<String> typed = typedTokens.size() == tokens.size() ? typedTokens : tokens;
        for (int length = Math.min(MAX_PLACE_WORDS, tokens.size()); length >= 1; length--) {
            for (int from = tokens.size() - length; from >= 0; from--) {
                List<String> run = tokens.subList(from, from + length);
                if (run.stream().allMatch(t -> t.chars().allMatch(Character::isDigit))) {
                    continue; // a number is a quantity or a grade, not a province code
                }
                String words = String.join(" ", run);
                Optional<ResolvedProvince> p = provinces.resolveWithLegacy(words);
                if (p.isPresent() && marksAgree(typed.subList(from, from + length), p.get().province())) {
                    return new Place(p.get().province().code(), words, from, from + length, p.get().matchedLegacy() != null);
                }
            }
        }
        return null;
    }

    private boolean marksAgree(List<String> typed, Province province) {
        Set<String> known = new HashSet<>(PLACE_PREFIXES);
        provinces.searchableNames(province.code())
                .forEach(name -> known.addAll(VietnameseText.tokens(VietnameseText.normalize(name))));
        return typed.stream().allMatch(w -> !VietnameseText.hasDiacritics(w) || known.contains(w));
    }

    /**
     * Where the item starts among the words: after a leading form word ("bột ca cao" is cocoa as
     * powder, "hạt điều" cashew as nuts), so the head is the item, not every powder or nut.
     */
    static int item(List<String> folded) {
        // "trái cây" and "củ quả" are fruit and vegetables in general, not a form of "cây" or "quả".
        return folded.size() >= 2 && FORM_WORDS.contains(folded.getFirst()) && !GENERIC_AFTER_FORM.contains(folded.get(1))
                ? 1 : 0;
    }

    /**
     * Whether two folded syllables are one word to us: a term of the synonym rules or two neighbouring
     * words of a category's name ("hai san" of "Hải sản khô", "mat ong", "ca phe").
     */
    boolean compound(String twoFolded) {
        return expander.isTerm(twoFolded) || categoryWordPairs().contains(twoFolded);
    }

    /** Neighbouring word pairs of every category's name, folded; made again only when the categories change. */
    private Set<String> categoryWordPairs() {
        List<Category> all = categories.all();
        CategoryPairs known = categoryPairs;
        if (known != null && known.of() == all) {
            return known.pairs();
        }
        Set<String> pairs = new HashSet<>();
        for (Category c : all) {
            List<String> tokens = VietnameseText.tokens(VietnameseText.fold(c.nameVi()));
            for (int i = 0; i + 1 < tokens.size(); i++) {
                pairs.add(tokens.get(i) + " " + tokens.get(i + 1));
            }
        }
        categoryPairs = new CategoryPairs(all, Set.copyOf(pairs));
        return categoryPairs.pairs();
    }

    private record CategoryPairs(List<Category> of, Set<String> pairs) {
    }
}
