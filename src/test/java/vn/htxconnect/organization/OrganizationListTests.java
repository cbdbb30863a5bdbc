package vn.htxconnect.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** Listing: accent-insensitive filtering of organizations, and an organization's products at a constant SQL cost. */
@IntegrationTest
class OrganizationListTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsAdmin() {
        graphQl = TestData.asAdmin(anonymous);
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
