package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.CATEGORY_CODE;
import static vn.htxconnect.search.internal.ProductField.DESCRIPTION_FOLDED;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.NAME_FOLDED;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;
import static vn.htxconnect.search.internal.QueryClauses.EXACT_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.OWN_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.PLACE_FIELDS;
import static vn.htxconnect.search.internal.QueryClauses.crossFields;
import static vn.htxconnect.search.internal.QueryClauses.nameStartsWith;
import static vn.htxconnect.search.internal.QueryClauses.or;
import static vn.htxconnect.search.internal.QueryWords.item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.internal.QueryWords.Alternative;
import vn.htxconnect.search.internal.QueryWords.Place;
import vn.htxconnect.search.internal.QueryWords.Words;

/**
 * What orders products inside one tier of the ladder ({@link TierLadder}): scoring clauses added beside
 * the tiers, together far less than one tier ({@link TierLadder#TIER}), so they never lift a product
 * over a higher tier.
 */
final class WithinTier {

    /** A name that starts with the item outranks one that names it further on, and a place. */
    private static final float HEAD_START_BONUS = 700f;
    private static final float PLACE_BONUS = 500f;
    private static final float CATEGORY_BOOST = 3f;

    private final CategoryService categories;

    WithinTier(CategoryService categories) {
        this.categories = categories;
    }

    /**
     * What orders products inside a tier: exact diacritics, whole phrases, word pairs, the head of the
     * name, a category named by the words, and naming the place. Together far less than a tier.
     */
    List<Query> precision(ExpandedQuery exp, Words words) {
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
     * Names that start with the first word of a reading: Vietnamese names put the item first, so
     * "Mật ong hoa cà phê" is honey and "Trà gừng mật ong" is tea, whatever else they share with the query.
     */
    static Query startsWithItem(Words words, List<Words> corrected) {
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


    /**
     * Products that name the place rank first within their tier; products that merely lie in its
     * province as well, unless the query named a pre-2025 province: "bưởi Bến Tre" means the Bến Tre
     * ones, not everything in today's Vĩnh Long, which they still rank above the rest.
     */
    static Query placeBonus(Place place) {
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
}
