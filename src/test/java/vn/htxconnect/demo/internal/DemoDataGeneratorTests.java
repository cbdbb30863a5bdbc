package vn.htxconnect.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/** The generator alone: deterministic, complete across provinces, and realistic in its details. */
class DemoDataGeneratorTests {

    private static final ProvinceService PROVINCES = new ProvinceService();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static List<DemoOrganization> generate(long seed, int products) {
        return new DemoDataGenerator(PROVINCES, seed, TODAY).organizations(products).toList();
    }

    private static List<ProductInput> products(List<DemoOrganization> orgs) {
        return orgs.stream().flatMap(o -> o.products().stream()).toList();
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        assertThat(generate(7, 800)).isEqualTo(generate(7, 800));
        assertThat(products(generate(8, 800))).isNotEqualTo(products(generate(7, 800)));
    }

    @Test
    void exactlyTheAskedNumberOfProductsAndSuppliersInEveryProvince() {
        List<DemoOrganization> orgs = generate(42, 500);
        assertThat(products(orgs)).hasSize(500);
        Set<String> supplierProvinces = orgs.stream().filter(o -> o.organization().kind() != OrganizationKind.RETAIL_CHAIN)
                .map(o -> o.organization().province()).collect(Collectors.toSet());
        assertThat(supplierProvinces).containsExactlyInAnyOrderElementsOf(PROVINCES.all().stream().map(Province::name).toList());
        assertThat(orgs).filteredOn(o -> o.organization().kind() == OrganizationKind.RETAIL_CHAIN)
                .hasSize(DemoDataGenerator.buyerCount(500))
                .allSatisfy(o -> assertThat(o.products()).isEmpty());
        assertThat(orgs.stream().map(o -> o.organization().kind()).collect(Collectors.toSet()))
                .contains(OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_GROUP, OrganizationKind.COOPERATIVE_UNION,
                        OrganizationKind.PROCESSOR, OrganizationKind.DISTRIBUTOR, OrganizationKind.RETAIL_CHAIN);
        assertThat(orgs).filteredOn(o -> o.organization().kind() == OrganizationKind.COOPERATIVE)
                .allSatisfy(o -> assertThat(o.organization().name()).containsAnyOf("HTX", "Hợp tác xã"));
        List<String> taxCodes = orgs.stream().map(o -> o.organization().taxCode()).filter(Objects::nonNull).toList();
        assertThat(new HashSet<>(taxCodes)).hasSameSizeAs(taxCodes);
        assertThat(taxCodes).allMatch(t -> t.matches("\\d{10}"));
    }

    @Test
    void productsUseRegionalWordsRealPricesAndPlausiblePlaces() {
        List<ProductInput> products = products(generate(3, 20_000));
        List<String> names = products.stream().map(ProductInput::name).toList();
        assertThat(names).anyMatch(n -> n.contains("Thịt lợn")).anyMatch(n -> n.contains("Thịt heo"))
                .anyMatch(n -> n.startsWith("Dứa")).anyMatch(n -> n.startsWith("Thơm") || n.startsWith("Khóm"))
                .anyMatch(n -> n.startsWith("Gạo ST25")).anyMatch(n -> n.startsWith("Nhãn lồng Hưng Yên"));
        // Regional words follow the province: pork is mostly "heo" in the Mekong delta.
        long heo = products.stream().filter(p -> "Cần Thơ".equals(p.province()) && p.name().contains("Thịt heo")).count();
        long lon = products.stream().filter(p -> "Cần Thơ".equals(p.province()) && p.name().contains("Thịt lợn")).count();
        assertThat(heo).isGreaterThan(lon * 3);
        assertThat(products).allSatisfy(p -> {
            assertThat(p.priceMinVnd()).isPositive().isLessThanOrEqualTo(p.priceMaxVnd());
            assertThat(p.monthlyCapacity().signum()).isPositive();
            assertThat(p.minOrderQty().signum()).isPositive();
            assertThat(p.availableMonths()).allMatch(m -> m >= 1 && m <= 12);
            Province origin = PROVINCES.resolve(p.province()).orElseThrow();
            assertThat(Math.abs(p.lat() - origin.centroid().lat())).isLessThanOrEqualTo(0.31);
            assertThat(Math.abs(p.lon() - origin.centroid().lon())).isLessThanOrEqualTo(0.31);
        });
        // Robusta comes from the Central Highlands and nearby, not from the Red River delta.
        assertThat(products).filteredOn(p -> p.name().startsWith("Cà phê Robusta"))
                .extracting(ProductInput::province).doesNotContain("Hà Nội", "Hưng Yên", "Cà Mau");
    }

    @Test
    void certificatesCarryNumberIssuerAndValidityAndOcopHasThreeToFiveStars() {
        List<CertificationInput> certs = products(generate(5, 5_000)).stream()
                .flatMap(p -> p.certifications().stream()).toList();
        assertThat(certs.stream().map(CertificationInput::scheme).collect(Collectors.toSet()))
                .contains("VIETGAP", "OCOP", "ORGANIC", "GLOBALGAP");
        assertThat(certs).allSatisfy(c -> {
            assertThat(c.number()).isNotBlank();
            assertThat(c.issuer()).isNotBlank();
            assertThat(c.validTo()).isAfterOrEqualTo(TODAY).isAfter(c.validFrom());
        });
        assertThat(certs).filteredOn(c -> c.scheme().equals("VIETGAP"))
                .allSatisfy(c -> assertThat(c.validTo()).isBefore(c.validFrom().plusMonths(24).plusDays(1)))
                .anySatisfy(c -> assertThat(c.validTo()).isBefore(TODAY.plusMonths(1)));
        assertThat(certs).filteredOn(c -> c.scheme().equals("OCOP")).extracting(CertificationInput::ocopStars)
                .allMatch(s -> s >= 3 && s <= 5).contains(3, 4, 5);
    }
}
