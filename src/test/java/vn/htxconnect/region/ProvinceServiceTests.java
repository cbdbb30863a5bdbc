package vn.htxconnect.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvinceServiceTests {

    private static final ProvinceService service = new ProvinceService();

    /** Unchanged units from domain.md, by 2025 code. */
    private static final Map<String, String> UNCHANGED = Map.ofEntries(
            Map.entry("01", "Hà Nội"), Map.entry("46", "Huế"), Map.entry("12", "Lai Châu"),
            Map.entry("11", "Điện Biên"), Map.entry("14", "Sơn La"), Map.entry("20", "Lạng Sơn"),
            Map.entry("22", "Quảng Ninh"), Map.entry("38", "Thanh Hóa"), Map.entry("40", "Nghệ An"),
            Map.entry("42", "Hà Tĩnh"), Map.entry("04", "Cao Bằng"));

    /** A merge from domain.md: new unit's code and name, old names with and without diacritics. */
    record Merge(String code, String name, List<String> old, List<String> ascii) {}

    // Written out by hand, independent of provinces.json and of the folding under test.
    private static final List<Merge> MERGES = List.of(
            new Merge("08", "Tuyên Quang", List.of("Tuyên Quang", "Hà Giang"), List.of("Tuyen Quang", "Ha Giang")),
            new Merge("15", "Lào Cai", List.of("Lào Cai", "Yên Bái"), List.of("Lao Cai", "Yen Bai")),
            new Merge("19", "Thái Nguyên", List.of("Thái Nguyên", "Bắc Kạn"), List.of("Thai Nguyen", "Bac Kan")),
            new Merge("25", "Phú Thọ", List.of("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"), List.of("Phu Tho", "Vinh Phuc", "Hoa Binh")),
            new Merge("24", "Bắc Ninh", List.of("Bắc Ninh", "Bắc Giang"), List.of("Bac Ninh", "Bac Giang")),
            new Merge("33", "Hưng Yên", List.of("Hưng Yên", "Thái Bình"), List.of("Hung Yen", "Thai Binh")),
            new Merge("31", "Hải Phòng", List.of("Hải Phòng", "Hải Dương"), List.of("Hai Phong", "Hai Duong")),
            new Merge("37", "Ninh Bình", List.of("Ninh Bình", "Hà Nam", "Nam Định"), List.of("Ninh Binh", "Ha Nam", "Nam Dinh")),
            new Merge("44", "Quảng Trị", List.of("Quảng Trị", "Quảng Bình"), List.of("Quang Tri", "Quang Binh")),
            new Merge("48", "Đà Nẵng", List.of("Đà Nẵng", "Quảng Nam"), List.of("Da Nang", "Quang Nam")),
            new Merge("51", "Quảng Ngãi", List.of("Quảng Ngãi", "Kon Tum"), List.of("Quang Ngai", "Kon Tum")),
            new Merge("52", "Gia Lai", List.of("Gia Lai", "Bình Định"), List.of("Gia Lai", "Binh Dinh")),
            new Merge("56", "Khánh Hòa", List.of("Khánh Hòa", "Ninh Thuận"), List.of("Khanh Hoa", "Ninh Thuan")),
            new Merge("68", "Lâm Đồng", List.of("Lâm Đồng", "Đắk Nông", "Bình Thuận"), List.of("Lam Dong", "Dak Nong", "Binh Thuan")),
            new Merge("66", "Đắk Lắk", List.of("Đắk Lắk", "Phú Yên"), List.of("Dak Lak", "Phu Yen")),
            new Merge("79", "TP. Hồ Chí Minh", List.of("TP. Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
                    List.of("Ho Chi Minh", "Binh Duong", "Ba Ria Vung Tau")),
            new Merge("75", "Đồng Nai", List.of("Đồng Nai", "Bình Phước"), List.of("Dong Nai", "Binh Phuoc")),
            new Merge("80", "Tây Ninh", List.of("Tây Ninh", "Long An"), List.of("Tay Ninh", "Long An")),
            new Merge("92", "Cần Thơ", List.of("Cần Thơ", "Sóc Trăng", "Hậu Giang"), List.of("Can Tho", "Soc Trang", "Hau Giang")),
            new Merge("86", "Vĩnh Long", List.of("Vĩnh Long", "Bến Tre", "Trà Vinh"), List.of("Vinh Long", "Ben Tre", "Tra Vinh")),
            new Merge("82", "Đồng Tháp", List.of("Đồng Tháp", "Tiền Giang"), List.of("Dong Thap", "Tien Giang")),
            new Merge("96", "Cà Mau", List.of("Cà Mau", "Bạc Liêu"), List.of("Ca Mau", "Bac Lieu")),
            new Merge("91", "An Giang", List.of("An Giang", "Kiên Giang"), List.of("An Giang", "Kien Giang")));

    @Test
    void hasThirtyFourUnitsWithUniqueCodesAndSlugs() {
        List<Province> all = service.all();
        assertThat(all).hasSize(34);
        assertThat(all).extracting(Province::code).doesNotHaveDuplicates().allMatch(c -> c.matches("\\d{2}"));
        assertThat(all).extracting(Province::slug).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[a-z]+(-[a-z]+)*"));
        assertThat(all).extracting(Province::name).doesNotHaveDuplicates();
        assertThat(all).extracting(Province::nameEn).doesNotHaveDuplicates();
        assertThat(all.stream().map(Province::region).distinct()).hasSize(EconomicRegion.values().length);
    }

    @Test
    void hasTheSixCentrallyRunCities() {
        assertThat(service.all())
                .filteredOn(p -> p.kind() == ProvinceKind.CITY)
                .extracting(Province::name)
                .containsExactlyInAnyOrder("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ");
    }

    @Test
    void coversEachOfTheSixtyThreeOldProvincesExactlyOnce() {
        List<String> oldCodes = service.all().stream()
                .flatMap(p -> p.legacy().isEmpty() ? Stream.of(p.code()) : p.legacy().stream().map(LegacyProvince::code))
                .toList();
        assertThat(oldCodes).hasSize(63).doesNotHaveDuplicates();

        List<String> oldNames = service.all().stream()
                .flatMap(p -> p.legacy().isEmpty() ? Stream.of(p.name()) : p.legacy().stream().map(LegacyProvince::name))
                .toList();
        assertThat(oldNames).hasSize(63).doesNotHaveDuplicates();
    }

    @Test
    void unchangedUnitsHaveNoLegacyEntries() {
        UNCHANGED.forEach((code, name) -> assertThat(service.findByCode(code)).get()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo(name);
                    assertThat(p.legacy()).isEmpty();
                }));
        assertThat(service.all()).filteredOn(p -> p.legacy().isEmpty()).hasSize(UNCHANGED.size());
    }

    @Test
    void mergedUnitsListExactlyTheProvincesOfTheResolution() {
        assertThat(MERGES).hasSize(23);
        for (Merge merge : MERGES) {
            Province province = service.findByCode(merge.code()).orElseThrow();
            assertThat(province.name()).isEqualTo(merge.name());
            assertThat(province.legacy()).extracting(LegacyProvince::name)
                    .as(merge.name()).containsExactlyInAnyOrderElementsOf(merge.old());
            // The 2025 code is always one of the merged provinces' old codes.
            assertThat(province.legacy()).extracting(LegacyProvince::code).contains(province.code());
        }
    }

    @Test
    void everyCentroidIsInsideVietnam() {
        for (Province p : service.all()) {
            assertInsideVietnam(p.name(), p.centroid());
            p.legacy().forEach(old -> assertInsideVietnam(old.name(), old.centroid()));
        }
    }

    private static void assertInsideVietnam(String what, GeoPoint point) {
        assertThat(point.lat()).as(what).isBetween(8.0, 23.5);
        assertThat(point.lon()).as(what).isBetween(102.0, 110.0);
    }

    static Stream<Arguments> oldNames() {
        return MERGES.stream().flatMap(m -> Stream.concat(
                m.old().stream().map(name -> Arguments.of(name, m.code())),
                m.ascii().stream().map(name -> Arguments.of(name, m.code()))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("oldNames")
    void resolvesEveryOldNameWithAndWithoutDiacritics(String name, String code) {
        assertThat(service.resolve(name)).get().extracting(Province::code).isEqualTo(code);
        assertThat(service.resolve(name.toUpperCase(Locale.ROOT))).get().extracting(Province::code).isEqualTo(code);
        assertThat(service.resolve("Tỉnh " + name)).get().extracting(Province::code).isEqualTo(code);
        // Text from some keyboards and PDFs arrives decomposed.
        assertThat(service.resolve(Normalizer.normalize(name, Normalizer.Form.NFD)))
                .get().extracting(Province::code).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Đắk Nông               | 68
            dak nong               | 68
            Tỉnh Đắk Nông          | 68
            DAK NONG               | 68
            Đăk Nông               | 68
            Ho Chi Minh            | 79
            TP HCM                 | 79
            TP.HCM                 | 79
            HCM                    | 79
            tphcm                  | 79
            Thành phố Hồ Chí Minh  | 79
            Ho Chi Minh City       | 79
            Sài Gòn                | 79
            saigon                 | 79
            Bà Rịa - Vũng Tàu      | 79
            Bà Rịa–Vũng Tàu        | 79
            Ba Ria Vung Tau        | 79
            vung tau               | 79
            Thừa Thiên Huế         | 46
            Thua Thien Hue         | 46
            Huế                    | 46
            Hoà Bình               | 25
            Hòa Bình               | 25
            Khánh Hoà              | 56
            Thanh Hoá              | 38
            '  lâm   đồng  '       | 68
            lam-dong               | 68
            Lam Dong Province      | 68
            Daklak                 | 66
            Bắc Cạn                | 19
            68                     | 68
            67                     | 68
            1                      | 01
            TP. Cần Thơ            | 92
            """)
    void resolvesExamples(String input, String code) {
        assertThat(service.resolve(input)).get().extracting(Province::code).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Atlantis", "Tỉnh", "TP.", "Nam", "Hà", "Sài", "99", "00", "Hà Nội Mới", "Dak"})
    void unknownInputIsEmpty(String input) {
        assertThat(service.resolve(input)).isEmpty();
        assertThat(service.resolveWithLegacy(input)).isEmpty();
    }

    @Test
    void tellsWhetherTheInputWasALegacyName() {
        assertThat(service.resolveWithLegacy("dak nong")).get().satisfies(r -> {
            assertThat(r.province().code()).isEqualTo("68");
            assertThat(r.isLegacy()).isTrue();
            assertThat(r.matchedLegacy()).isNotNull()
                    .extracting(LegacyProvince::code, LegacyProvince::name).containsExactly("67", "Đắk Nông");
        });
        // A current name or code wins over the old province of the same name or code.
        assertThat(service.resolveWithLegacy("Lâm Đồng")).get().returns(false, ResolvedProvince::isLegacy);
        assertThat(service.resolveWithLegacy("82")).get().returns(false, ResolvedProvince::isLegacy);
        assertThat(service.resolveWithLegacy("87")).get().satisfies(r -> {
            assertThat(r.province().name()).isEqualTo("Đồng Tháp");
            assertThat(r.matchedLegacy()).extracting(LegacyProvince::name).isEqualTo("Đồng Tháp");
        });
        assertThat(service.resolveWithLegacy("Tiền Giang")).get()
                .satisfies(r -> assertThat(r.matchedLegacy()).extracting(LegacyProvince::code).isEqualTo("82"));
    }

    @Test
    void findByCodeIsStrictAboutCurrentCodes() {
        assertThat(service.findByCode("79")).get().extracting(Province::name).isEqualTo("TP. Hồ Chí Minh");
        assertThat(service.findByCode("77")).isEmpty(); // Bà Rịa–Vũng Tàu's old code
        assertThat(service.findByCode("ho-chi-minh")).isEmpty();
        assertThat(service.findByCode(null)).isEmpty();
    }

    @Test
    void searchableNamesListCurrentThenOldNamesOnce() {
        assertThat(service.searchableNames("68"))
                .startsWith("Lâm Đồng").contains("Đắk Nông", "Bình Thuận").doesNotHaveDuplicates();
        assertThat(service.searchableNames("79"))
                .startsWith("TP. Hồ Chí Minh").contains("Bình Dương", "Bà Rịa - Vũng Tàu", "Sài Gòn")
                .doesNotHaveDuplicates();
        assertThat(service.searchableNames("22")).containsExactly("Quảng Ninh");
        assertThat(service.searchableNames("99")).isEmpty();
    }

    @Test
    void everySearchableNameResolvesBackToItsUnit() {
        Set<String> seen = new HashSet<>();
        for (Province p : service.all()) {
            for (String name : service.searchableNames(p.code())) {
                assertThat(service.resolve(name)).as(name).contains(p);
                seen.add(name);
            }
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(34 + 52 - 23);
    }

    @Test
    void haversineDistanceIsPlausible() {
        GeoPoint hanoi = service.findByCode("01").orElseThrow().centroid();
        GeoPoint hcm = service.findByCode("79").orElseThrow().centroid();
        assertThat(hanoi.distanceKm(hcm)).isBetween(1100.0, 1200.0);
        assertThat(hcm.distanceKm(hanoi)).isEqualTo(hanoi.distanceKm(hcm));
        assertThat(hanoi.distanceKm(hanoi)).isZero();
        // A quarter of the equator.
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 90))).isCloseTo(10_007.5, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void geoPointRejectsOutOfRangeCoordinates() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(90.1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, -180.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 0));
        assertThat(new GeoPoint(-90, 180)).isNotNull();
    }
}
