package vn.htxconnect.search.internal;

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
import static vn.htxconnect.search.internal.ProductField.PROVINCE_NAMES_FOLDED;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.internal.QueryWords.Alternative;
import vn.htxconnect.search.internal.QueryWords.Words;

/**
 * The small building blocks of the product text query — which fields, and how words are matched in
 * them — shared by the tier ladder ({@link TierLadder}), the order within a tier ({@link WithinTier})
 * and the entry points ({@link ProductTextQuery}), so that a field's weight is written once.
 */
final class QueryClauses {

    static final List<String> FOLDED_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            ORG_NAME_FOLDED.field(), DESCRIPTION_FOLDED.boosted(0.5));
    static final List<String> EXACT_FIELDS = List.of(NAME.boosted(3), CATEGORY_NAMES.boosted(1.5), ORG_NAME.field(),
            DESCRIPTION.boosted(0.5));
    /** The product's own name and kind: where the upper tiers look. */
    static final List<String> NAME_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5));
    /** Everything the product says of itself (not its cooperative). */
    static final List<String> OWN_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            DESCRIPTION_FOLDED.boosted(0.5), CERTIFICATION_TEXT.boosted(0.5));
    static final List<String> OWNER_FIELDS = List.of(NAME_FOLDED.boosted(3), CATEGORY_NAMES_FOLDED.boosted(1.5),
            DESCRIPTION_FOLDED.boosted(0.5), CERTIFICATION_TEXT.boosted(0.5), ORG_NAME_FOLDED.field(), PROVINCE_NAMES_FOLDED.field());
    static final List<String> PLACE_FIELDS = List.of(NAME_FOLDED.field(), DESCRIPTION_FOLDED.field(), ORG_NAME_FOLDED.field());
    private static final List<String> FUZZY_FIELDS = List.of(NAME_FOLDED.boosted(2), CATEGORY_NAMES_FOLDED.field());
    private static final int MIN_FUZZY_LENGTH = 4;
    /** How many leading words of a name count as its head: the first word, the first two, the first three. */
    private static final int HEAD_WORDS = 3;

    private QueryClauses() {
    }

    /**
     * Whether a word may match with typos. Short syllables are not: Vietnamese has so many that one
     * edit from "cam" or "nam" is another real word. Words with digits are not either: "st24" is not
     * a typo of "st25", nor "ri5" of "ri6".
     */
    static boolean fuzzable(String foldedWord) {
        return foldedWord.length() >= MIN_FUZZY_LENGTH && foldedWord.chars().noneMatch(Character::isDigit);
    }

    static Query fuzzyWord(String word) {
        return Query.of(q -> q.multiMatch(m -> {
            m.query(word).fields(FUZZY_FIELDS).type(TextQueryType.BestFields);
            return fuzzable(word) ? m.fuzziness("AUTO").prefixLength(1).maxExpansions(20) : m;
        }));
    }

    static Query crossFields(String text, List<String> fields, float boost) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.CrossFields)
                .operator(Operator.And).boost(boost)));
    }

    static Query or(List<Query> queries) {
        return queries.size() == 1 ? queries.getFirst() : Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }

    static Query phrase(String field, String text) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).slop(1)));
    }

    /** Words in the name as a phrase: with their tone marks when they were typed with them, or folded. */
    static Query inName(String typed, String folded, boolean withMarks) {
        // A name written without marks counts as exact only for the whole query (the tiers above): for a
        // part of it, "sắn tươi" written "san tuoi" would answer the "sản tươi" of "hải sản tươi sống".
        return withMarks ? phrase(NAME.field(), typed) : phrase(NAME_FOLDED.field(), folded);
    }

    /**
     * The words as typed (folded), or a synonym alternative whose regional word must match with its own
     * tone marks, or "chè" (tea) would find "chế biến" (processed).
     */
    static Query anyWay(Words words, Function<String, Query> match) {
        List<Query> ways = new ArrayList<>();
        ways.add(match.apply(words.whatFolded()));
        ways.add(alternatives(words, match));
        return or(ways);
    }

    /** Only the synonym alternatives (a query that finds nothing when there are none). */
    static Query alternatives(Words words, Function<String, Query> match) {
        List<Query> ways = new ArrayList<>();
        for (Alternative alt : words.alternatives()) {
            Query synonym = or(List.of(crossFields(alt.synonym(), List.of(NAME.field(), CATEGORY_NAMES.field(), DESCRIPTION.field()), 1f),
                    crossFields(VietnameseText.fold(alt.synonym()), List.of(NAME_UNMARKED.field()), 1f)));
            ways.add(Query.of(q -> q.bool(b -> b.filter(match.apply(alt.folded())).filter(synonym))));
        }
        return ways.isEmpty() ? Query.of(q -> q.matchNone(n -> n)) : or(ways);
    }

    /**
     * One clause per leading word run (first word, first two, first three) the name starts with,
     * for products that match all of {@code reading}: "Khoai sọ" found through the synonym "sắn"
     * of "khoai mì" earns nothing for starting with "khoai".
     */
    static List<Query> nameStartsWith(String field, List<String> tokens, float boost, Query reading) {
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
