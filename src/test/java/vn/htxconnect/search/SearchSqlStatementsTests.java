package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** A page of 100 results with organization details costs the same SQL as a page of 5: no N+1. */
@IntegrationTest
class SearchSqlStatementsTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void statementsDoNotGrowWithPageSize() {
        String tag = TestData.unique("np");
        for (int o = 0; o < 20; o++) {
            String org = TestData.createOrganization(graphQl, "HTX Rau " + tag + " " + o, "COOPERATIVE", "Lâm Đồng");
            for (int p = 0; p < 6; p++) {
                TestData.createProduct(graphQl, org, "Rau cải " + tag + " " + o + "-" + p, "VEG_LEAFY", Map.of());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count(tag, 100)).isEqualTo(100));

        TestData.awaitOutboxDrained(jdbc);
        int small = statements(tag, 5);
        int large = statements(tag, 100);
        assertThat(large).as(sql.statements().toString()).isEqualTo(small);
        assertThat(large).isLessThanOrEqualTo(2);
    }

    private int statements(String tag, int first) {
        sql.reset();
        graphQl.document("""
                query($q: String, $n: Int) { searchProducts(query: $q, first: $n) {
                  edges { node { name category { nameVi } province { name }
                                 organization { name kind verificationStatus provinceCode contactPhone } } } } }""")
                .variable("q", tag).variable("n", first).execute()
                .path("searchProducts.edges").entityList(Object.class).hasSize(first);
        return sql.count();
    }

    private int count(String tag, int first) {
        return graphQl.document("query($q: String, $n: Int) { searchProducts(query: $q, first: $n) { edges { cursor } } }")
                .variable("q", tag).variable("n", first).execute()
                .path("searchProducts.edges").entityList(Object.class).get().size();
    }
}
