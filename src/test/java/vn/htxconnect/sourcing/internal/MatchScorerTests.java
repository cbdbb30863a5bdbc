package vn.htxconnect.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.search.ProductCandidates.ItemMatch;
import vn.htxconnect.search.ProductCandidates.ItemTier;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Factor;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;

/** The scorer's conditions, factors and sentences, from the numbers alone. */
class MatchScorerTests {

    static final LocalDate TODAY = LocalDate.now();
    static final ItemMatch ITEM = new ItemMatch(ItemTier.REQUESTED, List.of());
    static final MatchScorer.SupplierFacts VERIFIED = new MatchScorer.SupplierFacts(true, Instant.now(), null, null);

    static SourcingRequest request(double quantity, Unit unit, Frequency f, Double maxKm, List<CertificationScheme> certs,
                                   Long target, Set<ConfidentialField> hidden) {
        return new SourcingRequest(1, 9L, "Thanh long", null, null, BigDecimal.valueOf(quantity), unit, f, "79", null,
                10.78, 106.70, maxKm, certs, null, target, TODAY.plusDays(30), TODAY.plusDays(120),
                Instant.now().plusSeconds(86400), Status.OPEN, null, Visibility.PUBLIC, List.of(), hidden, false,
                Instant.now(), Instant.now(), 0);
    }

    static Product product(Unit unit, Double capacity, Long price, double lat, double lon, List<Integer> months,
                           List<Certification> certs) {
        return Product.builder().databaseId(5).organizationId(7).name("Thanh long ruột đỏ").categoryCode("FRUIT_DRAGON")
                .unit(unit).priceMinVnd(price).priceMaxVnd(price)
                .monthlyCapacity(capacity == null ? null : BigDecimal.valueOf(capacity)).availableMonths(months)
                .provinceCode("68").lat(lat).lon(lon).certifications(certs).createdAt(Instant.now())
                .updatedAt(Instant.now()).build();
    }

    static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    private static Match.MatchFactor factor(Match m, Factor f) {
        return m.factors().stream().filter(x -> x.factor() == f).findFirst().orElseThrow();
    }

    /** A factor's explanation as an English reader gets it. */
    private static List<String> english(Match.MatchFactor f) {
        return f.explanation().stream().map(x -> Messages.render(x, "en")).toList();
    }

    @Test
    void partialCoverIsSaidAndUnitsConvert() {
        Match m = MatchScorer.score(request(20, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of()),
                product(Unit.KG, 12000.0, null, 10.93, 108.10, ALL, List.of()), null, ITEM, VERIFIED, TODAY, false).orElseThrow();
        assertThat(m.coverage()).isEqualTo(0.6);
        assertThat(english(factor(m, Factor.CAPACITY))).containsExactly("Covers 60% of the requested volume (partial supply)");
        assertThat(factor(m, Factor.CAPACITY).score()).isEqualTo(0.6);
        // The distance sentence carries the same kilometres the decay used.
        assertThat(english(factor(m, Factor.DISTANCE)).getFirst()).isEqualTo(Math.round(m.distanceKm()) + " km from the delivery point");
        // No text, no target price: those factors are absent, and the weights of the rest make the score.
        assertThat(m.factors()).extracting(Match.MatchFactor::factor).doesNotContain(Factor.RELEVANCE, Factor.PRICE);
        double expected = m.factors().stream().mapToDouble(f -> f.score() * f.weight()).sum()
                / m.factors().stream().mapToDouble(Match.MatchFactor::weight).sum();
        assertThat(m.score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void weeklyDemandIsMonthlisedAndOneOffCountsTheWindow() {
        Product p = product(Unit.KG, 4333.0, null, 10.8, 106.7, ALL, List.of());
        Match weekly = MatchScorer.score(request(1, Unit.TAN, Frequency.WEEKLY, null, List.of(), null, Set.of()), p, null, ITEM,
                VERIFIED, TODAY, false).orElseThrow();
        assertThat(weekly.coverage()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        Match oneOff = MatchScorer.score(request(100, Unit.TAN, Frequency.ONE_OFF, null, List.of(), null, Set.of()), p, null, ITEM,
                VERIFIED, TODAY, false).orElseThrow();
        long months = MatchScorer.windowMonths(oneOff.request()).size();
        assertThat(oneOff.coverage()).isCloseTo(4.333 * months / 100, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void certificateExpiringInsideTheWindowDoesNotCount() {
        Certification expiring = new Certification(CertificationScheme.VIETGAP, "VG1", null, null, null, TODAY.plusDays(60));
        Certification lasting = new Certification(CertificationScheme.VIETGAP, "VG2", null, null, null, LocalDate.of(2099, 6, 30));
        SourcingRequest r = request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(CertificationScheme.VIETGAP), null, Set.of());
        assertThat(MatchScorer.score(r, product(Unit.KG, 100.0, null, 10.8, 106.7, ALL, List.of(expiring)), null, ITEM, VERIFIED, TODAY, false))
                .isEmpty();
        Match m = MatchScorer.score(r, product(Unit.KG, 100.0, null, 10.8, 106.7, ALL, List.of(lasting)), null, ITEM, VERIFIED, TODAY, false)
                .orElseThrow();
        assertThat(english(factor(m, Factor.CERTIFICATION))).containsExactly("VietGAP valid until 06/2099");
    }

    @Test
    void expiredAndOtherSchemeCertificatesEarnNoCredit() {
        SourcingRequest r = request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of());
        Certification expired = new Certification(CertificationScheme.VIETGAP, "VG0", null, null, null, TODAY.minusDays(1));
        Certification other = new Certification(CertificationScheme.OTHER, "Chứng nhận Xanh", "X1", null, null, null,
                LocalDate.of(2099, 6, 30));
        Match none = MatchScorer.score(r, product(Unit.KG, 100.0, null, 10.8, 106.7, ALL, List.of(expired, other)), null,
                ITEM, VERIFIED, TODAY, false).orElseThrow();
        assertThat(factor(none, Factor.CERTIFICATION).score()).isEqualTo(0.5);
        assertThat(english(factor(none, Factor.CERTIFICATION))).containsExactly("No certificate valid through the supply window");
        // A new scheme on the list counts like the old ones, by its display name.
        Certification ra = new Certification(CertificationScheme.RAINFOREST_ALLIANCE, "RA1", null, null, null, LocalDate.of(2099, 6, 30));
        Match credited = MatchScorer.score(r, product(Unit.KG, 100.0, null, 10.8, 106.7, ALL, List.of(other, ra)), null,
                ITEM, VERIFIED, TODAY, false).orElseThrow();
        assertThat(english(factor(credited, Factor.CERTIFICATION))).containsExactly("Rainforest Alliance valid until 06/2099");
        SourcingRequest needsRa = request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(CertificationScheme.RAINFOREST_ALLIANCE),
                null, Set.of());
        assertThat(MatchScorer.score(needsRa, product(Unit.KG, 100.0, null, 10.8, 106.7, ALL, List.of(other)), null, ITEM, VERIFIED,
                TODAY, false)).isEmpty();
    }

    @Test
    void hardConditionsExclude() {
        SourcingRequest near = request(1, Unit.TAN, Frequency.MONTHLY, 50.0, List.of(), null, Set.of());
        assertThat(MatchScorer.score(near, product(Unit.KG, 100.0, null, 21.03, 105.85, ALL, List.of()), null, ITEM, VERIFIED, TODAY, false)).isEmpty();
        SourcingRequest any = request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of());
        int outside = MatchScorer.windowMonths(any).getFirst().getMonthValue() % 12 + 6;
        List<Integer> offSeason = List.of(((outside - 1) % 12) + 1);
        boolean overlaps = MatchScorer.windowMonths(any).stream().anyMatch(m -> offSeason.contains(m.getMonthValue()));
        assertThat(MatchScorer.score(any, product(Unit.KG, 100.0, null, 10.8, 106.7, offSeason, List.of()), null, ITEM, VERIFIED, TODAY, false)
                .isPresent()).isEqualTo(overlaps);
    }

    @Test
    void priceComparesPerUnitAndHiddenTargetsStayHidden() {
        SourcingRequest r = request(1, Unit.KG, Frequency.MONTHLY, null, List.of(), 30000L, Set.of(ConfidentialField.TARGET_PRICE));
        Product perTon = product(Unit.TAN, 10.0, 36_000_000L, 10.8, 106.7, ALL, List.of());
        Match buyerView = MatchScorer.score(r, perTon, null, ITEM, VERIFIED, TODAY, false).orElseThrow();
        assertThat(english(factor(buyerView, Factor.PRICE))).containsExactly("Lowest price 20% over the target price");
        assertThat(factor(buyerView, Factor.PRICE).score()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.0001));
        Match supplierView = MatchScorer.score(r, perTon, null, ITEM, VERIFIED, TODAY, true).orElseThrow();
        assertThat(english(factor(supplierView, Factor.PRICE))).containsExactly("The target price is confidential");
        assertThat(supplierView.score()).isEqualTo(buyerView.score());
    }

    @Test
    void trustUsesTheSignalsItHas() {
        SourcingRequest r = request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of());
        Product p = product(Unit.KG, 1000.0, null, 10.8, 106.7, ALL, List.of());
        Match now = MatchScorer.score(r, p, null, ITEM, new MatchScorer.SupplierFacts(false, Instant.now(), null, null), TODAY, false).orElseThrow();
        assertThat(factor(now, Factor.TRUST).score()).isEqualTo(0.5);
        Match later = MatchScorer.score(r, p, null, ITEM, new MatchScorer.SupplierFacts(false, Instant.now(), 1.0, 3), TODAY, false).orElseThrow();
        assertThat(factor(later, Factor.TRUST).score()).isEqualTo(0.75);
        assertThat(english(factor(later, Factor.TRUST))).contains("Answers 100% of inquiries", "3 active supply linkages");
    }

    /** The tier is said in the relevance factor, in both languages, and carried on the match to rank by. */
    @Test
    void theItemTierIsExplainedAndCarried() {
        ItemMatch substitute = new ItemMatch(ItemTier.SUBSTITUTE, List.of("rừng"));
        Match m = MatchScorer.score(request(1, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of()),
                product(Unit.KG, 2000.0, null, 10.9, 106.8, ALL, List.of()), 0.6, substitute, VERIFIED, TODAY, false).orElseThrow();
        assertThat(m.itemTier()).isEqualTo(ItemTier.SUBSTITUTE);
        List<String> parts = english(factor(m, Factor.RELEVANCE));
        assertThat(parts.getFirst()).isEqualTo("Not the item requested: the name lacks “rừng” (a substitute)");
        assertThat(Messages.render(factor(m, Factor.RELEVANCE).explanation().getFirst(), "vi"))
                .isEqualTo("Không đúng mặt hàng yêu cầu: tên sản phẩm thiếu “rừng” (hàng thay thế)");
        assertThat(Messages.render(MatchScorer.itemSentence(new ItemMatch(ItemTier.OTHER,
                List.of("xoài", "hòa lộc"))), "vi")).isEqualTo("Không đúng mặt hàng yêu cầu: tên sản phẩm thiếu “xoài”, “hòa lộc” (mặt hàng khác)");
        assertThat(Messages.render(MatchScorer.itemSentence(ITEM), "vi")).isEqualTo("Đúng mặt hàng yêu cầu");
        // The tier adds no factor (without a target price six of the seven are present, as before).
        assertThat(m.factors()).hasSize(6);
    }
}
