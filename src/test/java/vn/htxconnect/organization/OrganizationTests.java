package vn.htxconnect.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.support.IntegrationTest;
import vn.htxconnect.support.SqlStatementCounter;
import vn.htxconnect.support.TestData;

/** Organizations: legacy provinces, accent-insensitive filtering, updates, archiving, and their payload errors. */
@IntegrationTest
class OrganizationTests {

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @org.junit.jupiter.api.BeforeEach
    void signInAsAdmin() {
        graphQl = TestData.asAdmin(anonymous);
    }
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;

    @Test
    void legacyProvinceResolvesAndCentroidIsTheDefaultLocation() {
        String name = TestData.unique("HTX Cà phê Gia Nghĩa ");
        String id = TestData.createOrganization(graphQl, name, "COOPERATIVE", "Đắk Nông");
        graphQl.document("query($id: ID!) { organization(id: $id) { provinceCode lat lon status verificationStatus } }")
                .variable("id", id).execute()
                .path("organization.provinceCode").entity(String.class).isEqualTo("68")
                .path("organization.status").entity(String.class).isEqualTo("ACTIVE")
                .path("organization.verificationStatus").entity(String.class).isEqualTo("UNVERIFIED")
                .path("organization.lat").entity(Double.class).satisfies(lat -> assertThat(lat).isBetween(10.0, 13.5));
    }

    @Test
    void listFiltersByKindProvinceAndTextWithoutDiacritics() {
        String tag = TestData.unique("dx");
        TestData.createOrganization(graphQl, "HTX Đắk Mil " + tag, "COOPERATIVE", "Lâm Đồng");
        TestData.createOrganization(graphQl, "Siêu thị Đà Lạt " + tag, "RETAIL_CHAIN", "Lâm Đồng");
        TestData.createOrganization(graphQl, "HTX Đắk Mil Bắc " + tag, "COOPERATIVE", "Hà Nội");
        List<String> names = graphQl.document("""
                query($f: OrganizationFilter) { organizations(filter: $f, first: 100) { totalCount edges { node { name } } } }""")
                .variable("f", Map.of("text", "dak mil " + tag, "kinds", List.of("COOPERATIVE"), "province", "Bình Thuận"))
                .execute().path("organizations.edges[*].node.name").entityList(String.class).get();
        // Bình Thuận merged into Lâm Đồng: the legacy name filters on the new province.
        assertThat(names).containsExactly("HTX Đắk Mil " + tag);
    }

    @Test
    void invalidInputNamesFieldsAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class);
        graphQl.document("""
                mutation { createOrganization(input: {kind: COOPERATIVE, name: " ", province: "Atlantis",
                  taxCode: "12AB", contactEmail: "not-an-email", foundedYear: 1800, lat: 91, lon: 10}) {
                  organization { id } errors { field code } } }""").execute()
                .path("createOrganization.organization").valueIsNull()
                .path("createOrganization.errors[*].field[1]").entityList(String.class)
                .contains("name", "province", "taxCode", "contactEmail", "foundedYear", "lat");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class)).isEqualTo(before);
    }

    @Test
    void duplicateTaxCodeIsRefused() {
        String tax = String.valueOf(1_000_000_000L + Math.abs(TestData.unique("").hashCode() % 899_999_999));
        graphQl.document("mutation($t: String) { createOrganization(input: {kind: PROCESSOR, name: \"A\", province: \"01\", taxCode: $t}) { errors { code } } }")
                .variable("t", tax).execute().path("createOrganization.errors").entityList(Object.class).hasSize(0);
        graphQl.document("mutation($t: String) { createOrganization(input: {kind: PROCESSOR, name: \"B\", province: \"01\", taxCode: $t}) { errors { field code } } }")
                .variable("t", tax).execute().path("createOrganization.errors[0].code").entity(String.class).isEqualTo("DUPLICATE");
    }

    @Test
    void archivingTakesProductsOutOfSearchAndRestoringBringsThemBack() {
        String tag = TestData.unique("arc");
        String org = TestData.createOrganization(graphQl, "HTX Nhãn lồng " + tag, "COOPERATIVE", "Hưng Yên");
        TestData.createProduct(graphQl, org, "Nhãn lồng Hưng Yên " + tag, "FRUIT_LYCHEE_LONGAN", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).hasSize(1));
        graphQl.document("mutation($id: ID!) { archiveOrganization(input: {id: $id}) { organization { status } errors { code } } }")
                .variable("id", org).execute().path("archiveOrganization.organization.status").entity(String.class).isEqualTo("ARCHIVED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).isEmpty());
        graphQl.document("mutation($id: ID!) { createProduct(input: {organizationId: $id, name: \"X\", category: \"FRUIT\", unit: \"kg\"}) { errors { field code } } }")
                .variable("id", org).execute().path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID");
        graphQl.document("mutation($id: ID!) { restoreOrganization(input: {id: $id}) { organization { status } } }")
                .variable("id", org).execute().path("restoreOrganization.organization.status").entity(String.class).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).hasSize(1));
    }

    @Test
    void productListCostsConstantStatements() {
        String org = TestData.createOrganization(graphQl, TestData.unique("HTX Trứng "), "COOPERATIVE", "Đồng Nai");
        for (int i = 0; i < 30; i++) {
            TestData.createProduct(graphQl, org, "Trứng gà " + i, "LIVESTOCK_EGGS", Map.of("status", i % 3 == 0 ? "DRAFT" : "ACTIVE"));
        }
        TestData.awaitOutboxDrained(jdbc);
        int small = listStatements(org, 3);
        int large = listStatements(org, 30);
        assertThat(large).as(sql.statements().toString()).isEqualTo(small);
        graphQl.document("query($f: ProductListFilter) { products(filter: $f, first: 100) { totalCount } }")
                .variable("f", Map.of("organizationId", org, "status", "DRAFT")).execute()
                .path("products.totalCount").entity(Integer.class).isEqualTo(10);
    }

    private int listStatements(String org, int first) {
        sql.reset();
        graphQl.document("""
                query($f: ProductListFilter, $n: Int) { products(filter: $f, first: $n) {
                  edges { node { name certifications { scheme } organization { name } category { code } } } } }""")
                .variable("f", Map.of("organizationId", org)).variable("n", first).execute()
                .path("products.edges").entityList(Object.class).hasSize(first);
        return sql.count();
    }
}
