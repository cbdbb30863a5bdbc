package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The walking skeleton end to end: GraphQL write → MySQL + outbox → indexer → Elasticsearch → GraphQL search. */
@IntegrationTest
class ProductSearchFlowTests {

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @org.junit.jupiter.api.BeforeEach
    void signInAsAdmin() {
        graphQl = TestData.asAdmin(anonymous);
    }

    @Test
    void createdProductBecomesSearchableWithAndWithoutDiacritics() {
        String tag = TestData.unique("lo");
        String org = TestData.createOrganization(graphQl, "HTX Cà phê Ea Tu " + tag, "COOPERATIVE", "Đắk Lắk");
        String product = TestData.createProduct(graphQl, org, "Cà phê Robusta Đắk Lắk " + tag, "COFFEE",
                Map.of("priceMinVnd", 95000, "priceMaxVnd", 120000));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "ca phe robusta dak lak " + tag, null))
                        .first().isEqualTo("Cà phê Robusta Đắk Lắk " + tag));
        // Every word (the tag too) ranks first; coffee of other runs may follow in a lower tier.
        assertThat(TestData.searchNames(graphQl, "Cà phê " + tag, null)).first().isEqualTo("Cà phê Robusta Đắk Lắk " + tag);

        graphQl.document("""
                query($id: ID!) { product(id: $id) { id name organization { name provinceCode } province { name } } }""")
                .variable("id", product).execute()
                .path("product.id").entity(String.class).isEqualTo(product)
                .path("product.organization.name").entity(String.class).isEqualTo("HTX Cà phê Ea Tu " + tag)
                .path("product.province.name").entity(String.class).isEqualTo("Đắk Lắk");
        graphQl.document("query($id: ID!) { node(id: $id) { id ... on Organization { name } } }")
                .variable("id", org).execute()
                .path("node.name").entity(String.class).isEqualTo("HTX Cà phê Ea Tu " + tag);
    }

    @Test
    void searchHitCarriesHighlightsOnOriginalTextFacetsAndTotal() {
        String tag = TestData.unique("hl");
        String org = TestData.createOrganization(graphQl, "HTX Sầu riêng " + tag, "COOPERATIVE", "Tiền Giang");
        TestData.createProduct(graphQl, org, "Sầu riêng Ri6 " + tag, "FRUIT_DURIAN",
                Map.of("certifications", List.of(Map.of("scheme", "VIETGAP", "number", "VG-" + tag, "validTo", "2027-12-31"))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "sau rieng " + tag, null)).first().isEqualTo("Sầu riêng Ri6 " + tag));

        // Within the cooperative (durians of other runs would follow in a lower tier otherwise).
        HttpGraphQlTester.Response r = graphQl.document("""
                query($q: String, $org: ID) { searchProducts(query: $q, filter: {organizationId: $org}) {
                  totalCount
                  edges { highlights { field fragments } node { provinceCode } }
                  facets { certification { value count } province { value label count } }
                } }""").variable("q", "sau rieng " + tag).variable("org", org).execute();
        r.path("searchProducts.totalCount").entity(Integer.class).isEqualTo(1);
        r.path("searchProducts.edges[0].highlights[0].fragments[0]").entity(String.class)
                .satisfies(s -> assertThat(s).contains("<em>Sầu</em>").contains("<em>riêng</em>"));
        // Tiền Giang is a legacy province: the product lands in Đồng Tháp.
        r.path("searchProducts.edges[0].node.provinceCode").entity(String.class).isEqualTo("82");
        r.path("searchProducts.facets.certification[0].value").entity(String.class).isEqualTo("VIETGAP");
        assertThat(TestData.searchNames(graphQl, tag, Map.of("province", "Tiền Giang"))).hasSize(1);
        assertThat(TestData.searchNames(graphQl, tag, Map.of("certifications", List.of("VIETGAP")))).hasSize(1);
        assertThat(TestData.searchNames(graphQl, tag, Map.of("certifications", List.of("ORGANIC")))).isEmpty();
    }

    @Test
    void archivedProductLeavesTheIndex() {
        String tag = TestData.unique("ar");
        String org = TestData.createOrganization(graphQl, "HTX Mật ong " + tag, "COOPERATIVE", "Hà Nội");
        String product = TestData.createProduct(graphQl, org, "Mật ong hoa nhãn " + tag, "PRODUCE_HONEY", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, tag, null)).hasSize(1));
        graphQl.document("mutation($id: ID!) { archiveProduct(input: {id: $id}) { product { status } errors { code } } }")
                .variable("id", product).execute()
                .path("archiveProduct.product.status").entity(String.class).isEqualTo("ARCHIVED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, tag, null)).isEmpty());
    }

    @Test
    void organizationUpdateReindexesItsProducts() {
        String tag = TestData.unique("ou");
        String org = TestData.createOrganization(graphQl, "HTX Chè " + tag, "COOPERATIVE", "Thái Nguyên");
        TestData.createProduct(graphQl, org, "Chè Tân Cương " + tag, "TEA", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, tag, Map.of("verifiedOnly", true))).isEmpty());
        graphQl.document("mutation($id: ID!) { setOrganizationVerification(input: {id: $id, verified: true}) { errors { code } } }")
                .variable("id", org).execute().path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, tag, Map.of("verifiedOnly", true))).hasSize(1));
    }
}
