package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * The relevance part of a product search: which products a buyer's words find and how they rank.
 *
 * <p>Recall: every word must match the folded (tone-mark-free) text of the product's name,
 * category, description or cooperative, or a regional synonym alternative must (the synonym
 * itself with its diacritics), or a typo-tolerant match must. Words of fewer than four letters or
 * with digits are never corrected ("nam", "st25"). A province named in the query ("cà phê Đắk
 * Nông", legacy names too) is a place, not words: the product must lie in that province or
 * mention it, and the other words must match as usual. Province names are not matched word by
 * word, because their syllables ("nam", "trà", "long") are everyday words.
 *
 * <p>Ranking: products that need no typo correction form a tier above those that do. Within it,
 * exact diacritics add ("nấm" ranks mushrooms above "nam"), as do the whole phrase or word pairs
 * in the name ("cà phê" beats scattered "cà" and "phê"), a name that starts with the query
 * (Vietnamese names put the head noun first: "Mật ong hoa cà phê" is honey), a category of its
 * own that is named so, and a name that mentions the place. A product named with a protected phrase that gives the query word another
 * meaning ("Lá dứa" for "dứa") ranks lower.
 */
final class ProductTextQuery {

    private static final List<String> FOLDED_FIELDS = List.of("name_folded^3", "category_names_folded^1.5",
            "org_name_folded", "description_folded^0.5");
    private static final List<String> EXACT_FIELDS = List.of("name^3", "category_names^1.5", "org_name",
            "description^0.5");
    private static final List<String> FUZZY_FIELDS = List.of("name_folded^2", "category_names_folded", "org_name_folded",
            "description_folded^0.5");
    private static final List<String> PLACE_FIELDS = List.of("name_folded", "description_folded", "org_name_folded");
    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int HEAD_WORDS = 3;
    private static final int MAX_PLACE_WORDS = 5;
    private static final Set<String> PLACE_PREFIXES = Set.of("tỉnh", "thành", "phố", "tp");
    private static final float FUZZY_WEIGHT = 0.4f;
    private static final float EXACT_TIER = 1000f;
    private static final float OTHER_MEANING_FACTOR = 0.2f;
    private static final float CATEGORY_BOOST = 3f;

    private final QueryExpander expander;
    private final ProvinceService provinces;
    private final CategoryService categories;

    ProductTextQuery(QueryExpander expander, ProvinceService provinces, CategoryService categories) {
        this.expander = expander;
        this.provinces = provinces;
        this.categories = categories;
    }

    /** The words' query, or empty for blank input; {@code filters} go inside it. */
    Optional<Query> build(String text, List<Query> filters) {
        ExpandedQuery exp = text == null || text.isBlank() ? ExpandedQuery.empty() : expander.expand(text);
        if (exp.folded().isBlank()) {
            return Optional.empty();
        }
        Words words = Words.of(exp, place(VietnameseText.tokens(exp.folded()), VietnameseText.tokens(exp.normalized())));
        Query scored = Query.of(q -> q.bool(b -> b.filter(filters).must(recall(exp, words)).should(precision(exp, words))));
        List<String> otherMeanings = expander.phrasesWithOtherMeaning(exp);
        if (otherMeanings.isEmpty()) {
            return Optional.of(scored);
        }
        List<Query> named = otherMeanings.stream()
                .map(p -> Query.of(q -> q.matchPhrase(m -> m.field("name_folded").query(p)))).toList();
        return Optional.of(Query.of(q -> q.boosting(b -> b.positive(scored).negative(n -> n.bool(x -> x.should(named)))
                .negativeBoost(OTHER_MEANING_FACTOR))));
    }

    /**
     * What to mark in highlights: plain word matches (and their synonyms), not the scoring
     * machinery, whose phrase and shingle clauses would mark whole names.
     */
    /**
     * Scoring clauses for matching candidates, where a buyer's sentence rarely has every word in a
     * listing: any word (or its regional synonym) counts, exact tone marks and phrases count more.
     * Empty without words.
     */
    List<Query> loose(String text) {
        ExpandedQuery exp = text == null || text.isBlank() ? ExpandedQuery.empty() : expander.expand(text);
        if (exp.folded().isBlank()) {
            return List.of();
        }
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.multiMatch(m -> m.query(exp.folded()).fields(FOLDED_FIELDS)
                .type(TextQueryType.BestFields).operator(Operator.Or))));
        should.add(Query.of(q -> q.matchPhrase(m -> m.field("name_folded").query(exp.folded()).slop(1).boost(2f))));
        if (exp.hasDiacritics()) {
            should.add(crossFields(exp.normalized(), EXACT_FIELDS, 1f));
        }
        for (String alt : exp.alternatives()) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(VietnameseText.fold(alt)).fields(FOLDED_FIELDS)
                    .type(TextQueryType.BestFields).operator(Operator.Or).boost(0.9f))));
        }
        return should;
    }

    Query highlight(String text) {
        ExpandedQuery exp = text == null || text.isBlank() ? ExpandedQuery.empty() : expander.expand(text);
        if (exp.folded().isBlank()) {
            return null;
        }
        List<String> folded = new ArrayList<>();
        folded.add(exp.folded());
        exp.alternatives().forEach(a -> folded.add(VietnameseText.fold(a)));
        List<Query> should = new ArrayList<>();
        for (String f : folded) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(f).fields("name_folded", "description_folded"))));
        }
        if (exp.hasDiacritics()) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(exp.normalized()).fields("name", "description"))));
        }
        return Query.of(q -> q.bool(b -> b.should(should)));
    }

    /**
     * The query's words split into what is sought and where. Without a place, {@code what} is the
     * whole query; with one, it is the query without the place, and so are the synonym
     * alternatives. All folded except {@code whatNormalized}, which keeps the typed diacritics.
     */
    private record Words(List<String> what, String whatNormalized, List<Alternative> alternatives, Place place) {

        static Words of(ExpandedQuery exp, Place place) {
            List<String> folded = VietnameseText.tokens(exp.folded());
            List<Alternative> alternatives = Alternative.all(exp);
            if (place == null) {
                return new Words(folded, exp.normalized(), alternatives, null);
            }
            List<String> placeWords = folded.subList(place.from(), place.to());
            return new Words(without(folded, place.from(), place.to()),
                    String.join(" ", without(VietnameseText.tokens(exp.normalized()), place.from(), place.to())),
                    alternatives.stream().map(a -> new Alternative(withoutRun(VietnameseText.tokens(a.folded()), placeWords),
                            a.synonym())).filter(a -> !a.folded().isEmpty()).toList(), place);
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
            int at = Collections.lastIndexOfSubList(tokens, run);
            return String.join(" ", at < 0 ? tokens : without(tokens, at, at + run.size()));
        }
    }

    /**
     * A synonym alternative of the query, folded, and the regional word it brings in, with its
     * diacritics: that word must match exactly, or "chè" (tea) would find "chế biến" (processed).
     */
    private record Alternative(String folded, String synonym) {

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
    private record Place(String code, String words, int from, int to) {
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
                Optional<Province> p = provinces.resolve(words);
                if (p.isPresent() && marksAgree(typed.subList(from, from + length), p.get())) {
                    return new Place(p.get().code(), words, from, from + length);
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

    /** Something must account for every word, and the product must be of the place or name it. */
    private static Query recall(ExpandedQuery exp, Words words) {
        if (words.place() == null) {
            return whatMatch(words);
        }
        Query place = placeMatch(words.place());
        if (words.what().isEmpty()) {
            return place;
        }
        Query whatThere = Query.of(q -> q.bool(b -> b.must(whatMatch(words)).filter(place)));
        // In case the "place" was part of a name after all: all words in the product's own text.
        Query asWords = crossFields(exp.folded(), FOLDED_FIELDS, 0.5f);
        return Query.of(q -> q.disMax(d -> d.queries(whatThere, asWords).tieBreaker(0.0)));
    }

    /** The words directly or through a synonym, or else with typos. */
    private static Query whatMatch(Words words) {
        List<String> tokens = words.what();
        if (tokens.stream().noneMatch(ProductTextQuery::fuzzable)) {
            return exactly(words);
        }
        Query typos = Query.of(q -> q.bool(b -> b.boost(FUZZY_WEIGHT).must(tokens.stream().map(ProductTextQuery::fuzzyWord).toList())));
        return Query.of(q -> q.disMax(d -> d.queries(exactly(words), typos).tieBreaker(0.0)));
    }

    /** Every word as written (folded), or a synonym alternative with the synonym's own diacritics. */
    private static Query exactly(Words words) {
        List<Query> ways = new ArrayList<>();
        ways.add(crossFields(words.whatFolded(), FOLDED_FIELDS, 1f));
        for (Alternative alt : words.alternatives()) {
            Query all = crossFields(alt.folded(), FOLDED_FIELDS, 1f);
            Query synonym = crossFields(alt.synonym(), EXACT_FIELDS, 1f);
            ways.add(Query.of(q -> q.bool(b -> b.must(all).filter(synonym).boost(0.9f))));
        }
        return ways.size() == 1 ? ways.getFirst() : Query.of(q -> q.disMax(d -> d.queries(ways).tieBreaker(0.0)));
    }

    /** Products of the province, or that name the place in their name, description or cooperative. */
    private static Query placeMatch(Place place) {
        List<Query> where = new ArrayList<>();
        where.add(Query.of(q -> q.term(t -> t.field("province_code").value(place.code()))));
        for (String field : PLACE_FIELDS) {
            where.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(place.words()))));
        }
        return Query.of(q -> q.bool(b -> b.should(where)));
    }

    /**
     * Whether a word may match with typos. Short syllables are not: Vietnamese has so many that one
     * edit from "cam" or "nam" is another real word. Words with digits are not either: "st24" is not
     * a typo of "st25", nor "ri5" of "ri6".
     */
    static boolean fuzzable(String foldedWord) {
        return foldedWord.length() >= MIN_FUZZY_LENGTH && foldedWord.chars().noneMatch(Character::isDigit);
    }

    private static Query fuzzyWord(String word) {
        return Query.of(q -> q.multiMatch(m -> {
            m.query(word).fields(FUZZY_FIELDS).type(TextQueryType.BestFields);
            return fuzzable(word) ? m.fuzziness("AUTO").prefixLength(1).maxExpansions(20) : m;
        }));
    }

    private static Query crossFields(String text, List<String> fields, float boost) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.CrossFields)
                .operator(Operator.And).boost(boost)));
    }

    /** Extra score for exact diacritics, whole phrases, word pairs and the head of the name, and for naming the place. */
    private List<Query> precision(ExpandedQuery exp, Words words) {
        List<Query> should = new ArrayList<>();
        if (!words.what().isEmpty() && words.what().stream().anyMatch(ProductTextQuery::fuzzable)) {
            // A tier, not a weight: whatever their other scores, products that need no typo correction come first.
            should.add(Query.of(q -> q.constantScore(c -> c.filter(exactly(words)).boost(EXACT_TIER))));
        }
        should.add(Query.of(q -> q.matchPhrase(m -> m.field("name_folded").query(exp.folded()).slop(1).boost(2f))));
        Query matchesWhat = crossFields(words.whatFolded(), FOLDED_FIELDS, 1f);
        if (!words.what().isEmpty()) {
            should.add(Query.of(q -> q.match(m -> m.field("name_folded.shingles").query(words.whatFolded()).boost(1.5f))));
            should.addAll(inNamedCategory(words.what(), CATEGORY_BOOST));
            should.addAll(nameStartsWith("name_folded", words.what(), 1f, matchesWhat));
        }
        if (exp.hasDiacritics() && !words.whatNormalized().isEmpty()) {
            List<String> exact = VietnameseText.tokens(words.whatNormalized());
            should.add(crossFields(words.whatNormalized(), EXACT_FIELDS, 2f));
            should.add(Query.of(q -> q.matchPhrase(m -> m.field("name").query(exp.normalized()).slop(1).boost(3f))));
            should.add(Query.of(q -> q.match(m -> m.field("name.shingles").query(words.whatNormalized()).boost(2f))));
            should.addAll(nameStartsWith("name", exact, 1f, matchesWhat));
        }
        for (String alt : exp.alternatives()) {
            should.add(Query.of(q -> q.matchPhrase(m -> m.field("name").query(alt).slop(1).boost(1.5f))));
        }
        for (Alternative alt : words.alternatives()) {
            should.addAll(inNamedCategory(VietnameseText.tokens(alt.folded()), CATEGORY_BOOST * 0.8f));
            should.addAll(nameStartsWith("name_folded", VietnameseText.tokens(alt.folded()), 0.8f,
                    crossFields(alt.folded(), FOLDED_FIELDS, 1f)));
        }
        if (words.place() != null) {
            // Named in the product itself ("Cà phê Đắk Nông") beats merely lying in the merged province.
            should.add(Query.of(q -> q.matchPhrase(m -> m.field("name_folded").query(words.place().words()))));
            should.add(Query.of(q -> q.matchPhrase(m -> m.field("description_folded").query(words.place().words()).boost(0.5f))));
        }
        return should;
    }

    /**
     * Products whose own category is named by the words ("Ngô (bắp)" for "bắp"); a parent's name
     * ("Cà phê, chè, ca cao") does not count, as it covers other things too.
     */
    private List<Query> inNamedCategory(List<String> foldedWords, float boost) {
        if (foldedWords.isEmpty()) {
            return List.of();
        }
        List<FieldValue> codes = categories.all().stream()
                .filter(c -> Collections.indexOfSubList(VietnameseText.tokens(VietnameseText.fold(c.nameVi())), foldedWords) >= 0
                        || Collections.indexOfSubList(VietnameseText.tokens(VietnameseText.fold(c.nameEn())), foldedWords) >= 0)
                .map(c -> FieldValue.of(c.code())).toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        return List.of(Query.of(q -> q.constantScore(c -> c.filter(f -> f.terms(t -> t.field("category_code")
                .terms(v -> v.value(codes)))).boost(boost))));
    }

    /**
     * One clause per leading word run (first word, first two, first three) the name starts with,
     * for products that match all of {@code reading}: "Khoai sọ" found through the synonym "sắn"
     * of "khoai mì" earns nothing for starting with "khoai".
     */
    private static List<Query> nameStartsWith(String field, List<String> tokens, float boost, Query reading) {
        List<Query> out = new ArrayList<>();
        for (int n = 1; n <= Math.min(HEAD_WORDS, tokens.size()); n++) {
            List<SpanQuery> terms = tokens.subList(0, n).stream()
                    .map(t -> SpanQuery.of(s -> s.spanTerm(st -> st.field(field).value(t)))).toList();
            SpanQuery head = n == 1 ? terms.getFirst()
                    : SpanQuery.of(s -> s.spanNear(sn -> sn.clauses(terms).slop(0).inOrder(true)));
            int end = n;
            Query starts = Query.of(q -> q.spanFirst(sf -> sf.match(head).end(end).boost(boost)));
            out.add(Query.of(q -> q.bool(b -> b.must(starts).filter(reading))));
        }
        return out;
    }
}
