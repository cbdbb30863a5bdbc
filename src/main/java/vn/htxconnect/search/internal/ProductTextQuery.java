package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.CATEGORY_CODE;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_NAMES;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_NAMES_FOLDED;
import static vn.htxconnect.search.internal.ProductField.CERTIFICATION_TEXT;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME_UNMARKED;
import static vn.htxconnect.search.internal.ProductField.ORG_NAME;
import static vn.htxconnect.search.internal.ProductField.ORG_NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_NAMES_FOLDED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.region.ResolvedProvince;

/**
 * The relevance part of a product search: which products a buyer's words find and how they rank.
 *
 * <p>Ranking is a ladder of tiers, not a cliff: every product that any tier finds is a result, and a
 * lower tier only fills the page below the higher ones (each tier is worth {@value #TIER} points; what
 * orders products inside a tier is worth far less). From the top: the whole phrase in the product's
 * name with the typed tone marks; the phrase without tone marks; every word in the name or category
 * with its tone marks; every word without them (or through a regional synonym, which must then match
 * with its own marks); every word of a corrected reading of what was typed ({@link TypingCorrections}:
 * run-together syllables, Telex or VNI leftovers, doubled letters, a code split from its number);
 * every word with typos; the head of the query (its first word or two: Vietnamese names put the item
 * first, so "bưởi năm roi" still answers "bưởi da xanh", below the exact ones); every word somewhere
 * in the product's own text, description included; and last, every word counting the cooperative's
 * name and province — so a cooperative's name or province alone never outranks the product's own words.
 *
 * <p>A province named in the query ("cà phê Đắk Nông", legacy names too) is a place, not words: the
 * product's own words must match the rest, and products of that province (or that name it) rank first
 * within their tier. Phrases about the buying ("cần mua", "số lượng lớn", {@link IntentWords}) are not
 * required. Words of fewer than four letters or with digits are never typo-corrected ("nam", "st25").
 * A product named with a protected phrase that gives the query word another meaning ("Lá dứa" for
 * "dứa") ranks lower.
 */
final class ProductTextQuery {

    private static final List<String> FOLDED_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            ORG_NAME_FOLDED.field(), DESCRIPTION_FOLDED.boosted(0.5));
    private static final List<String> EXACT_FIELDS = List.of(NAME.boosted(3), CATEGORY_NAMES.boosted(1.5), ORG_NAME.field(),
            DESCRIPTION.boosted(0.5));
    /** The product's own name and kind: where the upper tiers look. */
    private static final List<String> NAME_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5));
    /** Everything the product says of itself (not its cooperative). */
    private static final List<String> OWN_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            DESCRIPTION_FOLDED.boosted(0.5), CERTIFICATION_TEXT.boosted(0.5));
    private static final List<String> OWNER_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            DESCRIPTION_FOLDED.boosted(0.5), CERTIFICATION_TEXT.boosted(0.5), ORG_NAME_FOLDED.field(), PROVINCE_NAMES_FOLDED.field());
    private static final List<String> FUZZY_FIELDS = List.of(NAME_FOLDED.boosted(2), CATEGORY_NAMES_FOLDED.field());
    private static final List<String> PLACE_FIELDS = List.of(NAME_FOLDED.field(), DESCRIPTION_FOLDED.field(), ORG_NAME_FOLDED.field());
    private static final int MIN_FUZZY_LENGTH = 4;
    /** Folded words that name a form, not an item, when they lead a query ("bột", "hạt", "trái", "quả", "củ"). */
    private static final Set<String> FORM_WORDS = Set.of("bot", "hat", "trai", "qua", "cu");
    private static final Set<String> GENERIC_AFTER_FORM = Set.of("cay", "qua");
    private static final int HEAD_WORDS = 3;
    private static final int MAX_PLACE_WORDS = 5;
    private static final Set<String> PLACE_PREFIXES = Set.of("tỉnh", "thành", "phố", "tp");
    static final float TIER = 1000f;
    /** Within a tier: a name that starts with the item outranks one that names it further on, and a place. */
    private static final float HEAD_START_BONUS = 700f;
    private static final float PLACE_BONUS = 500f;
    private static final float OTHER_MEANING_FACTOR = 0.2f;
    private static final float CATEGORY_BOOST = 3f;

    /** The tiers, highest first; each is worth its rank times {@link #TIER}. */
    enum Tier {
        HALF_THE_WORDS(0.5f), OWNER(1), OWN_TEXT(2), FORM_ONLY(2.5f), HEAD_FOLDED(2.8f), HEAD_WORD(3), ANY_PAIR(3.2f), HEAD_PHRASE(3.4f), HEAD_AND_TEXT(3.7f), MOST_WORDS(3.8f), TYPOS(4), WITH_CATEGORY(4.5f), CORRECTED(5),
        ALL_WORDS(6), ALL_WORDS_EXACT(7), PHRASE(8), PHRASE_EXACT(9), SELLER_NAMED(9.5f);

        final float score;

        Tier(float rank) {
            this.score = rank * TIER;
        }
    }

    private final QueryExpander expander;
    private final ProvinceService provinces;
    private final CategoryService categories;
    private final IntentWords intentWords;
    private volatile CategoryPairs categoryPairs;

    ProductTextQuery(QueryExpander expander, ProvinceService provinces, CategoryService categories) {
        this(expander, provinces, categories, IntentWords.fromClasspath());
    }

    ProductTextQuery(QueryExpander expander, ProvinceService provinces, CategoryService categories,
                     IntentWords intentWords) {
        this.expander = expander;
        this.provinces = provinces;
        this.categories = categories;
        this.intentWords = intentWords;
    }

    /** The words' query, or empty for blank input; {@code filters} go inside it. */
    Optional<Query> build(String text, List<Query> filters) {
        ExpandedQuery exp = text == null || text.isBlank() ? ExpandedQuery.empty() : expander.expand(text);
        if (exp.folded().isBlank()) {
            return Optional.empty();
        }
        Words words = words(exp);
        List<Words> corrected = TypingCorrections.readings(exp.normalized()).stream()
                .map(r -> words(expander.expand(r))).filter(w -> !w.what().isEmpty()).toList();
        Place place = words.place() != null ? words.place()
                : corrected.stream().map(Words::place).filter(Objects::nonNull).findFirst().orElse(null);
        List<Query> tiers = tiers(exp, words, corrected, place);
        Query scored = Query.of(q -> q.bool(b -> {
            b.filter(filters).must(m -> m.disMax(d -> d.queries(tiers).tieBreaker(0.0))).should(precision(exp, words));
            if (!words.what().isEmpty()) {
                b.should(startsWithItem(words, corrected));
            }
            if (place != null) {
                b.should(placeBonus(place));
            }
            return b;
        }));
        List<String> otherMeanings = expander.phrasesWithOtherMeaning(exp);
        if (otherMeanings.isEmpty()) {
            return Optional.of(scored);
        }
        // Sorted: the synonym rules come in no fixed order, and the same words should send the same query.
        List<Query> named = otherMeanings.stream().sorted()
                .map(p -> Query.of(q -> q.matchPhrase(m -> m.field(NAME_FOLDED.field()).query(p)))).toList();
        return Optional.of(Query.of(q -> q.boosting(b -> b.positive(scored).negative(n -> n.bool(x -> x.should(named)))
                .negativeBoost(OTHER_MEANING_FACTOR))));
    }

    /** Each tier as a constant score over the products it finds; the search takes the best one. */
    private List<Query> tiers(ExpandedQuery exp, Words words, List<Words> corrected, Place place) {
        List<Query> tiers = new ArrayList<>();
        if (words.what().isEmpty() && place == null) {
            // No letters or digits to look for (punctuation, emoji): nothing matches.
            tiers.add(Query.of(q -> q.matchNone(n -> n)));
            return tiers;
        }
        if (words.what().isEmpty()) {
            // Only a place (and maybe buying words): its products, or products that name it.
            tiers.add(tier(Tier.ALL_WORDS, placeMatch(place)));
            tiers.add(tier(Tier.OWNER, crossFields(exp.folded(), OWNER_FIELDS, 1f)));
            return tiers;
        }
        if (exp.hasDiacritics() && !words.whatNormalized().isEmpty()) {
            // Typed with tone marks: the marks as typed, or a regional synonym (with its own marks) in their place.
            tiers.add(tier(Tier.PHRASE_EXACT, or(List.of(phrase(NAME.field(), words.whatNormalized()),
                    phrase(NAME_UNMARKED.field(), words.whatFolded()), alternatives(words, w -> phrase(NAME_FOLDED.field(), w))))));
            tiers.add(tier(Tier.ALL_WORDS_EXACT, or(List.of(crossFields(words.whatNormalized(), List.of(NAME.field()), 1f),
                    crossFields(words.whatFolded(), List.of(NAME_UNMARKED.field()), 1f),
                    alternatives(words, w -> crossFields(w, List.of(NAME_FOLDED.field()), 1f))))));
        }
        tiers.add(tier(Tier.PHRASE, anyWay(words, w -> phrase(NAME_FOLDED.field(), w))));
        tiers.add(tier(Tier.ALL_WORDS, anyWay(words, w -> crossFields(w, List.of(NAME_FOLDED.field()), 1f))));
        List<Query> correctedWays = new ArrayList<>();
        List<Query> withCategory = new ArrayList<>();
        withCategory.add(anyWay(words, w -> crossFields(w, NAME_FIELDS, 1f)));
        for (Words c : corrected) {
            correctedWays.add(anyWay(c, w -> crossFields(w, List.of(NAME_FOLDED.field()), 1f)));
            withCategory.add(anyWay(c, w -> crossFields(w, NAME_FIELDS, 1f)));
        }
        if (!correctedWays.isEmpty()) {
            tiers.add(tier(Tier.CORRECTED, or(correctedWays)));
        }
        // The category's names include its parents' ("Cà phê, chè, ca cao"): weaker than the name itself.
        tiers.add(tier(Tier.WITH_CATEGORY, or(withCategory)));
        if (words.what().stream().anyMatch(ProductTextQuery::fuzzable)) {
            tiers.add(tier(Tier.TYPOS, Query.of(q -> q.bool(b -> b.must(words.what().stream()
                    .map(ProductTextQuery::fuzzyWord).toList())))));
        }
        List<Query> ownText = new ArrayList<>();
        ownText.add(anyWay(words, w -> crossFields(w, OWN_FIELDS, 1f)));
        corrected.forEach(c -> ownText.add(anyWay(c, w -> crossFields(w, OWN_FIELDS, 1f))));
        Query inOwnText = or(ownText);
        if (words.what().size() >= 2 || !corrected.isEmpty()) {
            List<Query> headWords = new ArrayList<>();
            List<Query> headPhrases = new ArrayList<>();
            List<Query> formWords = new ArrayList<>();
            heads(words, exp.hasDiacritics(), headWords, headPhrases, formWords);
            for (Words c : corrected) {
                // A reading that leaves the first word alone (only joins later syllables) has the same head.
                if (words.what().isEmpty() || c.what().isEmpty() || !c.what().getFirst().equals(words.what().getFirst())) {
                    heads(c, false, headWords, headPhrases, formWords);
                }
            }
            if (!formWords.isEmpty()) {
                tiers.add(tier(Tier.FORM_ONLY, or(formWords)));
            }
            if (exp.hasDiacritics()) {
                // The head with a wrong tone mark ("bưỡi" for "bưởi"): folded, just below the heads as typed.
                List<Query> foldedHeads = new ArrayList<>();
                heads(words, false, foldedHeads, foldedHeads, new ArrayList<>());
                tiers.add(tier(Tier.HEAD_FOLDED, or(foldedHeads)));
            }
            Query headWord = or(headWords);
            tiers.add(tier(Tier.HEAD_AND_TEXT, Query.of(q -> q.bool(b -> b.filter(inOwnText).filter(headWord)))));
            if (words.what().size() >= 3) {
                // A buyer's longer description: the item and all its words but one.
                Query most = Query.of(q -> q.multiMatch(m -> m.query(words.whatFolded()).fields(OWN_FIELDS)
                        .type(TextQueryType.CrossFields).operator(Operator.Or).minimumShouldMatch("-1")));
                tiers.add(tier(Tier.MOST_WORDS, Query.of(q -> q.bool(b -> b.filter(most).filter(headWord)))));
            }
            if (!headPhrases.isEmpty()) {
                tiers.add(tier(Tier.HEAD_PHRASE, or(headPhrases)));
            }
            // The item may stand further on in a sentence whose opening words are not all known to us.
            List<Query> pairs = new ArrayList<>();
            List<String> typed = VietnameseText.tokens(words.whatNormalized());
            boolean marks = exp.hasDiacritics() && typed.size() == words.what().size();
            for (int i = 1; i + 1 < words.what().size(); i++) {
                pairs.add(inName(marks ? typed.get(i) + " " + typed.get(i + 1) : "",
                        words.what().get(i) + " " + words.what().get(i + 1), marks));
            }
            if (!pairs.isEmpty()) {
                tiers.add(tier(Tier.ANY_PAIR, or(pairs)));
            }
            tiers.add(tier(Tier.HEAD_WORD, headWord));
        }
        if (intentWords.namesSeller(exp.folded())) {
            // "HTX Ea Tu", "hợp tác xã Chư Sê": the buyer looks for a cooperative, so its products come first.
            tiers.add(tier(Tier.SELLER_NAMED, crossFields(words.whatFolded(), List.of(ORG_NAME_FOLDED.field()), 1f)));
        }
        tiers.add(tier(Tier.OWN_TEXT, inOwnText));
        if (words.what().size() >= 3) {
            // Last resort before an empty page: at least half the words (two at least) in the product's own text.
            tiers.add(tier(Tier.HALF_THE_WORDS, Query.of(q -> q.multiMatch(m -> m.query(words.whatFolded())
                    .fields(OWN_FIELDS).type(TextQueryType.CrossFields).operator(Operator.Or).minimumShouldMatch("-50%")))));
        }
        String withPlace = place == null ? words.whatFolded() : words.whatFolded() + " " + place.words();
        tiers.add(tier(Tier.OWNER, crossFields(withPlace, OWNER_FIELDS, 1f)));
        if (place != null) {
            // In case the "place" was part of a product's name after all ("thanh long", not Long An).
            tiers.add(tier(Tier.OWN_TEXT, crossFields(exp.folded(), OWN_FIELDS, 1f)));
        }
        return tiers;
    }

    /**
     * The head of each reading — its first word, and its first two words as a phrase — in the product's
     * name: with the typed tone marks when they were typed, and through a synonym with the synonym's.
     */
    private void heads(Words words, boolean exact, List<Query> headWords, List<Query> headPhrases,
                       List<Query> formWords) {
        List<String> typed = VietnameseText.tokens(words.whatNormalized());
        boolean typedMarks = exact && typed.size() == words.what().size() && !typed.isEmpty();
        List<String> folded = words.what();
        if (folded.isEmpty()) {
            return;
        }
        int from = item(folded);
        List<String> itemTyped = (typedMarks ? typed : folded).subList(from, folded.size());
        List<String> itemFolded = folded.subList(from, folded.size());
        if (from == 0 && itemFolded.size() >= 2 && compound(itemFolded.get(0) + " " + itemFolded.get(1))) {
            // A word of two syllables ("hải sản", "mật ong"): its first syllable alone ("hải" of Hải Dương) is
            // no head, and as the name of a kind of product it may stand in the category instead of the name.
            String two = itemFolded.get(0) + " " + itemFolded.get(1);
            headWords.add(or(List.of(inName(itemTyped.get(0) + " " + itemTyped.get(1), two, typedMarks),
                    phrase(CATEGORY_NAMES_FOLDED.field(), two))));
        } else if (from == 0 || itemFolded.size() == 1) {
            headWords.add(inName(itemTyped.getFirst(), itemFolded.getFirst(), typedMarks));
        } else {
            formWords.add(inName((typedMarks ? typed : folded).getFirst(), folded.getFirst(), typedMarks));
        }
        if (itemFolded.size() >= 2) {
            Query two = inName(itemTyped.get(0) + " " + itemTyped.get(1), itemFolded.get(0) + " " + itemFolded.get(1), typedMarks);
            (from == 0 ? headPhrases : headWords).add(two);
        }
        if (from > 0) {
            headPhrases.add(inName(typed.isEmpty() || !typedMarks ? String.join(" ", folded.subList(0, 2))
                    : String.join(" ", typed.subList(0, 2)), String.join(" ", folded.subList(0, 2)), typedMarks));
        }
        for (Alternative alt : words.alternatives()) {
            List<String> altTokens = VietnameseText.tokens(alt.folded());
            Query synonymInName = or(List.of(crossFields(alt.synonym(), List.of(NAME.field()), 1f),
                    crossFields(VietnameseText.fold(alt.synonym()), List.of(NAME_UNMARKED.field()), 1f)));
            String first = altTokens.getFirst();
            if (altTokens.size() >= 2 && compound(altTokens.get(0) + " " + altTokens.get(1))) {
                String two = altTokens.get(0) + " " + altTokens.get(1);
                Query synonymAnywhere = or(List.of(synonymInName, crossFields(alt.synonym(), List.of(CATEGORY_NAMES.field()), 1f)));
                headWords.add(Query.of(q -> q.bool(b -> b.filter(or(List.of(phrase(NAME_FOLDED.field(), two),
                        phrase(CATEGORY_NAMES_FOLDED.field(), two)))).filter(synonymAnywhere))));
                continue;
            }
            headWords.add(Query.of(q -> q.bool(b -> b.filter(f -> f.match(m -> m.field(NAME_FOLDED.field()).query(first)))
                    .filter(synonymInName))));
            if (altTokens.size() >= 2) {
                Query two = phrase(NAME_FOLDED.field(), altTokens.get(0) + " " + altTokens.get(1));
                headPhrases.add(Query.of(q -> q.bool(b -> b.filter(two).filter(synonymInName))));
            }
        }
    }

    /**
     * Whether two folded syllables are one word to us: a term of the synonym rules or two neighbouring
     * words of a category's name ("hai san" of "Hải sản khô", "mat ong", "ca phe").
     */
    private boolean compound(String twoFolded) {
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

    /**
     * Where the item starts among the words: after a leading form word ("bột ca cao" is cocoa as
     * powder, "hạt điều" cashew as nuts), so the head is the item, not every powder or nut.
     */
    private static int item(List<String> folded) {
        // "trái cây" and "củ quả" are fruit and vegetables in general, not a form of "cây" or "quả".
        return folded.size() >= 2 && FORM_WORDS.contains(folded.getFirst()) && !GENERIC_AFTER_FORM.contains(folded.get(1))
                ? 1 : 0;
    }

    /** Words in the name as a phrase: with their tone marks when they were typed with them, or folded. */
    private static Query inName(String typed, String folded, boolean withMarks) {
        // A name written without marks counts as exact only for the whole query (the tiers above): for a
        // part of it, "sắn tươi" written "san tuoi" would answer the "sản tươi" of "hải sản tươi sống".
        return withMarks ? phrase(NAME.field(), typed) : phrase(NAME_FOLDED.field(), folded);
    }

    /**
     * Names that start with the first word of a reading: Vietnamese names put the item first, so
     * "Mật ong hoa cà phê" is honey and "Trà gừng mật ong" is tea, whatever else they share with the query.
     */
    private static Query startsWithItem(Words words, List<Words> corrected) {
        Set<String> firsts = new LinkedHashSet<>();
        Stream.concat(Stream.of(words), corrected.stream()).forEach(w -> {
            if (!w.what().isEmpty()) {
                firsts.add(w.what().getFirst());
                firsts.add(w.what().get(item(w.what())));
            }
            w.alternatives().forEach(a -> firsts.add(VietnameseText.tokens(a.folded()).getFirst()));
        });
        List<Query> starts = firsts.stream().map(t -> Query.of(q -> q.spanFirst(sf -> sf.end(1)
                .match(m -> m.spanTerm(st -> st.field(NAME_FOLDED.field()).value(t)))))).toList();
        return Query.of(q -> q.constantScore(c -> c.filter(or(starts)).boost(HEAD_START_BONUS)));
    }

    private static Query tier(Tier tier, Query query) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(tier.score)));
    }

    private static Query or(List<Query> queries) {
        return queries.size() == 1 ? queries.getFirst() : Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }

    private static Query phrase(String field, String text) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).slop(1)));
    }

    /**
     * The words as typed (folded), or a synonym alternative whose regional word must match with its own
     * tone marks, or "chè" (tea) would find "chế biến" (processed).
     */
    private static Query anyWay(Words words, Function<String, Query> match) {
        List<Query> ways = new ArrayList<>();
        ways.add(match.apply(words.whatFolded()));
        ways.add(alternatives(words, match));
        return or(ways);
    }

    /** Only the synonym alternatives (a query that finds nothing when there are none). */
    private static Query alternatives(Words words, Function<String, Query> match) {
        List<Query> ways = new ArrayList<>();
        for (Alternative alt : words.alternatives()) {
            Query synonym = or(List.of(crossFields(alt.synonym(), List.of(NAME.field(), CATEGORY_NAMES.field(), DESCRIPTION.field()), 1f),
                    crossFields(VietnameseText.fold(alt.synonym()), List.of(NAME_UNMARKED.field()), 1f)));
            ways.add(Query.of(q -> q.bool(b -> b.filter(match.apply(alt.folded())).filter(synonym))));
        }
        return ways.isEmpty() ? Query.of(q -> q.matchNone(n -> n)) : or(ways);
    }

    private Words words(ExpandedQuery exp) {
        List<String> typed = VietnameseText.tokens(exp.normalized());
        List<String> folded = VietnameseText.tokens(exp.folded());
        return Words.of(exp, place(folded, typed), intentWords);
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
        should.add(Query.of(q -> q.matchPhrase(m -> m.field(NAME_FOLDED.field()).query(exp.folded()).slop(1).boost(2f))));
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
            should.add(Query.of(q -> q.multiMatch(m -> m.query(f).fields(NAME_FOLDED.field(), DESCRIPTION_FOLDED.field()))));
        }
        if (exp.hasDiacritics()) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(exp.normalized()).fields(NAME.field(), DESCRIPTION.field()))));
        }
        return Query.of(q -> q.bool(b -> b.should(should)));
    }

    /**
     * The query's words split into what is sought and where. Without a place, {@code what} is the
     * whole query; with one, it is the query without the place, and so are the synonym
     * alternatives. All folded except {@code whatNormalized}, which keeps the typed diacritics.
     */
    private record Words(List<String> what, String whatNormalized, List<Alternative> alternatives, Place place) {

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
    private record Place(String code, String words, int from, int to, boolean legacy) {
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
     * Products that name the place rank first within their tier; products that merely lie in its
     * province as well, unless the query named a pre-2025 province: "bưởi Bến Tre" means the Bến Tre
     * ones, not everything in today's Vĩnh Long, which they still rank above the rest.
     */
    private static Query placeBonus(Place place) {
        List<Query> named = new ArrayList<>();
        for (String field : PLACE_FIELDS) {
            named.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(place.words()))));
        }
        Query inProvince = Query.of(q -> q.term(t -> t.field(PROVINCE_CODE.field()).value(place.code())));
        Query namedBonus = Query.of(q -> q.constantScore(c -> c.filter(or(named)).boost(PLACE_BONUS)));
        Query provinceBonus = Query.of(q -> q.constantScore(c -> c.filter(inProvince)
                .boost(place.legacy() ? PLACE_BONUS / 2 : PLACE_BONUS)));
        return Query.of(q -> q.disMax(d -> d.queries(namedBonus, provinceBonus).tieBreaker(0.0)));
    }

    /** Products of the province, or that name the place in their name, description or cooperative. */
    private static Query placeMatch(Place place) {
        List<Query> where = new ArrayList<>();
        where.add(Query.of(q -> q.term(t -> t.field(PROVINCE_CODE.field()).value(place.code()))));
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

    /**
     * What orders products inside a tier: exact diacritics, whole phrases, word pairs, the head of the
     * name, a category named by the words, and naming the place. Together far less than a tier.
     */
    private List<Query> precision(ExpandedQuery exp, Words words) {
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.matchPhrase(m -> m.field(NAME_FOLDED.field()).query(exp.folded()).slop(1).boost(2f))));
        Query matchesWhat = crossFields(words.whatFolded(), OWN_FIELDS, 1f);
        if (!words.what().isEmpty()) {
            should.add(Query.of(q -> q.match(m -> m.field(NAME_FOLDED.sub("shingles")).query(words.whatFolded()).boost(1.5f))));
            should.addAll(inNamedCategory(words.what(), CATEGORY_BOOST));
            should.addAll(nameStartsWith(NAME_FOLDED.field(), words.what(), 1f, matchesWhat));
        }
        if (exp.hasDiacritics() && !words.whatNormalized().isEmpty()) {
            List<String> exact = VietnameseText.tokens(words.whatNormalized());
            should.add(crossFields(words.whatNormalized(), EXACT_FIELDS, 2f));
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(NAME.field()).query(exp.normalized()).slop(1).boost(3f))));
            should.add(Query.of(q -> q.match(m -> m.field(NAME.sub("shingles")).query(words.whatNormalized()).boost(2f))));
            should.addAll(nameStartsWith(NAME.field(), exact, 1f, matchesWhat));
        }
        for (String alt : exp.alternatives()) {
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(NAME.field()).query(alt).slop(1).boost(1.5f))));
        }
        for (Alternative alt : words.alternatives()) {
            should.addAll(inNamedCategory(VietnameseText.tokens(alt.folded()), CATEGORY_BOOST * 0.8f));
            should.addAll(nameStartsWith(NAME_FOLDED.field(), VietnameseText.tokens(alt.folded()), 0.8f,
                    crossFields(alt.folded(), OWN_FIELDS, 1f)));
        }
        if (words.place() != null) {
            // Named in the product itself ("Cà phê Đắk Nông") beats merely lying in the merged province.
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(NAME_FOLDED.field()).query(words.place().words()))));
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(DESCRIPTION_FOLDED.field()).query(words.place().words()).boost(0.5f))));
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
        return List.of(Query.of(q -> q.constantScore(c -> c.filter(f -> f.terms(t -> t.field(CATEGORY_CODE.field())
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
