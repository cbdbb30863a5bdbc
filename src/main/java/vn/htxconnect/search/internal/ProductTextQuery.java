package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.DESCRIPTION;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.NAME_FOLDED;
import static vn.htxconnect.search.internal.QueryClauses.EXACT_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.FOLDED_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.crossFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.search.internal.QueryWords.Place;
import vn.htxconnect.search.internal.QueryWords.Words;

/**
 * The relevance part of a product search: which products a buyer's words find and how they rank.
 *
 * <p>Ranking is a ladder of tiers, not a cliff: every product that any tier finds is a result, and a
 * lower tier only fills the page below the higher ones (each tier is worth {@value TierLadder#TIER} points; what
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
 *
 * <p>Written in four parts: {@link QueryWords} reads the typed words (what, where, synonyms, buying
 * words, the item's head); {@link TierLadder} turns them into the tiers; {@link WithinTier} adds what
 * orders products inside a tier; {@link QueryClauses} holds the fields and small clauses all share.
 */

final class ProductTextQuery {

    private static final float OTHER_MEANING_FACTOR = 0.2f;

    private final QueryExpander expander;
    private final QueryWords queryWords;
    private final TierLadder ladder;
    private final WithinTier withinTier;

    ProductTextQuery(QueryExpander expander, ProvinceService provinces, CategoryService categories) {
        this(expander, provinces, categories, IntentWords.fromClasspath());
    }

    ProductTextQuery(QueryExpander expander, ProvinceService provinces, CategoryService categories,
                     IntentWords intentWords) {
        this.expander = expander;
        this.queryWords = new QueryWords(expander, provinces, categories, intentWords);
        this.ladder = new TierLadder(queryWords, intentWords);
        this.withinTier = new WithinTier(categories);
    }

    /** The words' query, or empty for blank input; {@code filters} go inside it. */
    Optional<Query> build(String text, List<Query> filters) {
        ExpandedQuery exp = text == null || text.isBlank() ? ExpandedQuery.empty() : expander.expand(text);
        if (exp.folded().isBlank()) {
            return Optional.empty();
        }
        Words words = queryWords.words(exp);
        List<Words> corrected = TypingCorrections.readings(exp.normalized()).stream()
                .map(r -> queryWords.words(expander.expand(r))).filter(w -> !w.what().isEmpty()).toList();
        Place place = words.place() != null ? words.place()
                : corrected.stream().map(Words::place).filter(Objects::nonNull).findFirst().orElse(null);
        List<Query> tiers = ladder.tiers(exp, words, corrected, place);
        Query scored = Query.of(q -> q.bool(b -> {
            b.filter(filters).must(m -> m.disMax(d -> d.queries(tiers).tieBreaker(0.0))).should(withinTier.precision(exp, words));
            if (!words.what().isEmpty()) {
                b.should(WithinTier.startsWithItem(words, corrected));
            }
            if (place != null) {
                b.should(WithinTier.placeBonus(place));
            }
            return b;
        }));
        List<String> otherMeanings = expander.phrasesWithOtherMeaning(exp);
        if (otherMeanings.isEmpty()) {
            return Optional.of(scored);
        }
        List<Query> named = otherMeanings.stream()
                .map(p -> Query.of(q -> q.matchPhrase(m -> m.field(NAME_FOLDED.field()).query(p)))).toList();
        return Optional.of(Query.of(q -> q.boosting(b -> b.positive(scored).negative(n -> n.bool(x -> x.should(named)))
                .negativeBoost(OTHER_MEANING_FACTOR))));
    }

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

    /**
     * What to mark in highlights: plain word matches (and their synonyms), not the scoring
     * machinery, whose phrase and shingle clauses would mark whole names.
     */
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
}
