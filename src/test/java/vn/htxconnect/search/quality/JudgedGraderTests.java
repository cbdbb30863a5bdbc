package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.htxconnect.search.quality.JudgedGrader.Intent;
import vn.htxconnect.search.quality.JudgedGrader.Labels;
import vn.htxconnect.search.quality.JudgedGrader.Place;
import vn.htxconnect.search.quality.JudgedGrader.Rules;

/**
 * The grading rules of {@code search-quality-v2/RULES.md} on small hand-made tables, and the
 * shape of the real v2 files (sizes, kinds, the split, a relevant listing for every query). No
 * Spring, no services.
 */
class JudgedGraderTests {

    private static final Rules RULES = new Rules(
            Map.of("nuoc-mam", "fish sauce", "mat-ong", "honey", "ca-phe", "coffee", "che", "tea", "tra-thao-moc", "herbal tea",
                    "dua", "coconut", "keo-dua", "coconut candy", "thom", "pineapple", "la-dua", "pandan leaf", "xoai", "mango"),
            Map.of("trai-cay", List.of("dua", "thom", "xoai")),
            Map.of("che", List.of("tra-thao-moc")),
            Map.of("an-giang", new Place(List.of("An Giang"), null, "province"),
                    "kien-giang", new Place(List.of("Kiên Giang"), "an-giang", "legacy-province"),
                    "phu-quoc", new Place(List.of("Phú Quốc"), "kien-giang", "locality"),
                    "lam-dong", new Place(List.of("Lâm Đồng"), null, "province"),
                    "dak-nong", new Place(List.of("Đắk Nông"), "lam-dong", "legacy-province")));
    private final JudgedGrader grader = new JudgedGrader(RULES);

    private static Intent intent(List<String> items, List<String> qualifiers, String place) {
        return new Intent("q", "kind", items, qualifiers, place);
    }

    private static Labels listing(String item, List<String> qualifiers, List<String> places, String province) {
        return new Labels(item, qualifiers, places, province);
    }

    @Test
    void threeNeedsTheItemEveryQualifierAndThePlace() {
        Labels phuQuoc = listing("nuoc-mam", List.of("nhi"), List.of("phu-quoc"), "an-giang");
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of(), null), phuQuoc)).isEqualTo(3);
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of("nhi"), "phu-quoc"), phuQuoc)).isEqualTo(3);
        // A place contains its localities: Phú Quốc is in Kiên Giang, which is in An Giang.
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of(), "kien-giang"), phuQuoc)).isEqualTo(3);
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of(), "an-giang"), phuQuoc)).isEqualTo(3);
    }

    @Test
    void twoWhenAQualifierOrThePlaceDiffersOrIsNotStated() {
        Labels anGiang = listing("nuoc-mam", List.of(), List.of(), "an-giang");
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of(), "phu-quoc"), anGiang)).isEqualTo(2);
        assertThat(grader.grade(intent(List.of("nuoc-mam"), List.of("nhi"), null), anGiang)).isEqualTo(2);
        // A current province does not imply its legacy parts: a Lâm Đồng listing that does not say Đắk Nông.
        Labels lamDong = listing("ca-phe", List.of("robusta"), List.of(), "lam-dong");
        assertThat(grader.grade(intent(List.of("ca-phe"), List.of(), "dak-nong"), lamDong)).isEqualTo(2);
        assertThat(grader.grade(intent(List.of("ca-phe"), List.of(), "lam-dong"), lamDong)).isEqualTo(3);
        Labels dakNong = listing("ca-phe", List.of("robusta"), List.of("dak-nong"), "lam-dong");
        assertThat(grader.grade(intent(List.of("ca-phe"), List.of("robusta"), "dak-nong"), dakNong)).isEqualTo(3);
        assertThat(grader.grade(intent(List.of("ca-phe"), List.of("arabica"), "dak-nong"), dakNong)).isEqualTo(2);
    }

    @Test
    void oneOnlyForAListedSubstituteAndOneWay() {
        Labels herbal = listing("tra-thao-moc", List.of("kho"), List.of(), "lam-dong");
        Labels tea = listing("che", List.of("kho"), List.of(), "lam-dong");
        assertThat(grader.grade(intent(List.of("che"), List.of("shan-tuyet"), null), herbal)).isEqualTo(1);
        assertThat(grader.grade(intent(List.of("tra-thao-moc"), List.of(), null), tea)).isZero();
    }

    @Test
    void productsMadeFromTheItemAndCollisionsAreZero() {
        assertThat(grader.grade(intent(List.of("dua"), List.of(), null), listing("keo-dua", List.of(), List.of(), "an-giang"))).isZero();
        assertThat(grader.grade(intent(List.of("ca-phe"), List.of(), null), listing("mat-ong", List.of("hoa-ca-phe"), List.of(), "lam-dong")))
                .isZero();
        assertThat(grader.grade(intent(List.of("la-dua"), List.of(), null), listing("thom", List.of(), List.of(), "an-giang"))).isZero();
        assertThat(grader.grade(intent(List.of("thom"), List.of(), null), listing("la-dua", List.of(), List.of(), "an-giang"))).isZero();
    }

    @Test
    void groupsExpandAndAnIntentWithoutItemsNeedsItsPlace() {
        Labels driedMango = listing("xoai", List.of("kho"), List.of(), "an-giang");
        assertThat(grader.grade(intent(List.of("@trai-cay"), List.of("kho"), null), driedMango)).isEqualTo(3);
        assertThat(grader.grade(intent(List.of("@trai-cay"), List.of("kho"), null), listing("thom", List.of("tuoi"), List.of(), "an-giang")))
                .isEqualTo(2);
        assertThat(grader.grade(intent(List.of(), List.of(), "kien-giang"), listing("mat-ong", List.of(), List.of("phu-quoc"), "an-giang")))
                .isEqualTo(3);
        assertThat(grader.grade(intent(List.of(), List.of(), "kien-giang"), driedMango)).isZero();
    }

    @Test
    void unknownIdsAreErrorsNotZeros() {
        Labels any = listing("xoai", List.of(), List.of(), "an-giang");
        assertThatThrownBy(() -> grader.grade(intent(List.of("xoia"), List.of(), null), any)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grader.grade(intent(List.of("@fruit"), List.of(), null), any)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grader.grade(intent(List.of("xoai"), List.of(), "kien-gaing"),
                listing("xoai", List.of(), List.of("phu-quoc"), "an-giang"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitIsDeterministicPerKindAboutFortyPercent() {
        List<String> queries = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Map<String, List<List<String>>> split = JudgedGrader.split(queries, queries.stream().map(q -> "k").toList());
        assertThat(split.get("k").get(0)).hasSize(4);
        assertThat(split.get("k").get(1)).hasSize(6);
        assertThat(JudgedGrader.split(queries.reversed(), queries.stream().map(q -> "k").toList())).isEqualTo(split);
        // NFC: a decomposed text lands where its composed form does.
        assertThat(JudgedGrader.hash("nu\u031Bo\u031B\u0301c")).isEqualTo(JudgedGrader.hash("nước"));
    }

    // ---- the real v2 files

    private static final JudgedSetV2 SET = JudgedSetV2.load();
    static final List<String> KINDS = List.of("accented", "unaccented", "joined-split", "telex-vni", "typo", "regional", "collision",
            "place", "qualifier", "buyer-phrase");

    @Test
    void catalogueIsBigAndVariedEnough() {
        JudgedSetV2.Catalogue c = SET.catalogue();
        assertThat(c.listings()).hasSizeGreaterThanOrEqualTo(620);
        assertThat(c.organizations()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(c.listings().stream().map(l -> l.labels().item()).distinct().count()).isGreaterThanOrEqualTo(60);
        assertThat(c.organizations().stream().map(JudgedSetV2.Organization::province).distinct().count()).isGreaterThanOrEqualTo(25);
        assertThat(c.listings().stream().map(JudgedSetV2.Listing::ref).distinct().count()).isEqualTo(c.listings().size());
        Set<String> orgKeys = c.organizations().stream().map(JudgedSetV2.Organization::key).collect(Collectors.toSet());
        JudgedGrader grader = SET.grader();
        for (JudgedSetV2.Listing l : c.listings()) {
            assertThat(orgKeys).as(l.ref()).contains(l.organization());
            assertThat(SET.rules().items()).as(l.ref()).containsKey(l.labels().item());
            assertThat(SET.rules().places()).as(l.ref()).containsKey(l.labels().province());
            assertThat(SET.rules().places().get(l.labels().province()).parent()).as(l.ref()).isNull();
            // every stated place lies in the listing's province
            l.labels().places().forEach(p -> assertThat(grader.ancestry(p)).as(l.ref() + " " + p).contains(l.labels().province()));
        }
        // certificates the import must take with a warning: expired ones and schemes outside the app's list
        assertThat(c.listings().stream().flatMap(l -> l.certifications().stream()).filter(JudgedSetV2.Cert::expired)).isNotEmpty();
        assertThat(c.listings().stream().flatMap(l -> l.certifications().stream()).map(JudgedSetV2.Cert::scheme))
                .contains("Rainforest Alliance", "Fairtrade", "4C", "ASC", "Halal");
    }

    @Test
    void queriesCoverEveryKindAndEachHasARelevantListing() {
        List<Intent> all = Stream.concat(SET.dev().stream(), SET.holdout().stream()).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(160);
        assertThat(all.stream().map(Intent::query).distinct().count()).isEqualTo(all.size());
        Map<String, Long> perKind = all.stream().collect(Collectors.groupingBy(Intent::kind, TreeMap::new, Collectors.counting()));
        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(KINDS);
        perKind.forEach((kind, n) -> assertThat(n).as(kind).isGreaterThanOrEqualTo(12));
        JudgedGrader grader = SET.grader();
        Map<String, Labels> labels = SET.catalogue().labels();
        List<String> withoutRelevant = new ArrayList<>();
        for (Intent q : all) {
            if (grader.grades(q, labels).isEmpty()) {
                withoutRelevant.add(q.query());
            }
        }
        assertThat(withoutRelevant).as("queries without a relevant listing").isEmpty();
    }

    @Test
    void devAndHoldoutFilesFollowTheWrittenSplit() {
        List<Intent> all = Stream.concat(SET.dev().stream(), SET.holdout().stream()).toList();
        Map<String, List<List<String>>> split = JudgedGrader.split(all.stream().map(Intent::query).toList(),
                all.stream().map(Intent::kind).toList());
        Set<String> dev = new HashSet<>();
        Set<String> holdout = new HashSet<>();
        split.values().forEach(parts -> {
            assertThat(parts.get(0)).isNotEmpty();
            assertThat(parts.get(1)).isNotEmpty();
            dev.addAll(parts.get(0));
            holdout.addAll(parts.get(1));
        });
        assertThat(SET.dev().stream().map(Intent::query).collect(Collectors.toSet())).isEqualTo(dev);
        assertThat(SET.holdout().stream().map(Intent::query).collect(Collectors.toSet())).isEqualTo(holdout);
        double devShare = (double) dev.size() / all.size();
        assertThat(devShare).isBetween(0.35, 0.45);
    }
}
