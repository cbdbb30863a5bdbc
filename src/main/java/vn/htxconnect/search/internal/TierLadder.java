package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.CATEGORY_NAMES;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_NAMES_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME_UNMARKED;
import static vn.htxconnect.search.internal.ProductField.ORG_NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;
import static vn.htxconnect.search.internal.QueryClauses.NAME_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.OWNER_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.OWN_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.PLACE_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.alternatives;
import static vn.htxconnect.search.internal.QueryClauses.anyWay;
import static vn.htxconnect.search.internal.QueryClauses.crossFields;
import static vn.htxconnect.search.internal.QueryClauses.inName;
import static vn.htxconnect.search.internal.QueryClauses.or;
import static vn.htxconnect.search.internal.QueryClauses.phrase;
import static vn.htxconnect.search.internal.QueryWords.item;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.internal.QueryWords.Alternative;
import vn.htxconnect.search.internal.QueryWords.Place;
import vn.htxconnect.search.internal.QueryWords.Words;

/**
 * The tier ladder of a product search (see {@link ProductTextQuery}): which products each tier finds,
 * each worth its rank times {@link #TIER} points, so that a lower tier only fills the page below the
 * higher ones. What orders products inside a tier is {@link WithinTier}, worth far less.
 */
final class TierLadder {

    static final float TIER = 1000f;

    /** The tiers, highest first; each is worth its rank times {@link #TIER}. */
    enum Tier {
        HALF_THE_WORDS(0.5f), OWNER(1), OWN_TEXT(2), FORM_ONLY(2.5f), HEAD_FOLDED(2.8f), HEAD_WORD(3), ANY_PAIR(3.2f), HEAD_PHRASE(3.4f), HEAD_AND_TEXT(3.7f), MOST_WORDS(3.8f), TYPOS(4), WITH_CATEGORY(4.5f), CORRECTED(5),
        ALL_WORDS(6), ALL_WORDS_EXACT(7), PHRASE(8), PHRASE_EXACT(9), SELLER_NAMED(9.5f);

        final float score;

        Tier(float rank) {
            this.score = rank * TIER;
        }
    }

    private final QueryWords queryWords;
    private final IntentWords intentWords;

    TierLadder(QueryWords queryWords, IntentWords intentWords) {
        this.queryWords = queryWords;
        this.intentWords = intentWords;
    }

    /** Each tier as a constant score over the products it finds; the search takes the best one. */
    List<Query> tiers(ExpandedQuery exp, Words words, List<Words> corrected, Place place) {
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
        if (words.what().stream().anyMatch(QueryClauses::fuzzable)) {
            tiers.add(tier(Tier.TYPOS, Query.of(q -> q.bool(b -> b.must(words.what().stream()
                    .map(QueryClauses::fuzzyWord).toList())))));
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
        if (from == 0 && itemFolded.size() >= 2 && queryWords.compound(itemFolded.get(0) + " " + itemFolded.get(1))) {
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
            if (altTokens.size() >= 2 && queryWords.compound(altTokens.get(0) + " " + altTokens.get(1))) {
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

    /** Products of the province, or that name the place in their name, description or cooperative. */
    private static Query placeMatch(Place place) {
        List<Query> where = new ArrayList<>();
        where.add(Query.of(q -> q.term(t -> t.field(PROVINCE_CODE.field()).value(place.code()))));
        for (String field : PLACE_FIELDS) {
            where.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(place.words()))));
        }
        return Query.of(q -> q.bool(b -> b.should(where)));
    }

    private static Query tier(Tier tier, Query query) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(tier.score)));
    }
}
