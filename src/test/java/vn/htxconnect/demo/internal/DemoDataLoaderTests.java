package vn.htxconnect.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationFilter;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.testing.IntegrationTest;

/** Generated data passes the services' validation, lands in MySQL and becomes searchable through the outbox. */
@IntegrationTest
class DemoDataLoaderTests {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    ProductService products;
    @Autowired
    OrganizationService organizations;
    @Autowired
    ProvinceService provinces;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @org.junit.jupiter.api.BeforeEach
    void signInAsAdmin() {
        graphQl = vn.htxconnect.testing.TestData.asAdmin(anonymous);
    }

    @Test
    void loadsThroughTheServicesAndTheProductsBecomeSearchable() throws Exception {
        // A seed of its own: tax codes are unique per data set and the test database is shared.
        long seed = System.nanoTime();
        long before = products.count();
        DemoDataLoader.Result result = loader.load(seed, 120, 2);
        assertThat(result.products()).isEqualTo(120);
        assertThat(products.count() - before).isEqualTo(120);

        DemoOrganization expected = new DemoDataGenerator(provinces, seed, LocalDate.now()).organizations(120)
                .filter(o -> o.organization().taxCode() != null && o.products().size() > 1).findFirst().orElseThrow();
        Organization org = organizations.list(new OrganizationFilter(null, null, null, expected.organization().name(), null), 100, null)
                .edges().stream().map(e -> e.node()).filter(o -> expected.organization().taxCode().equals(o.taxCode()))
                .findFirst().orElseThrow();
        assertThat(org.verified()).isEqualTo(expected.verified());
        List<String> activeNames = expected.products().stream().filter(p -> p.status() == ProductStatus.ACTIVE)
                .map(p -> p.name()).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(graphQl.document("""
                        query($f: ProductFilter) { searchProducts(filter: $f, first: 100) { edges { node { name } } } }""")
                .variable("f", Map.of("organizationId", org.id())).execute()
                .path("searchProducts.edges[*].node.name").entityList(String.class).get())
                .containsExactlyInAnyOrderElementsOf(activeNames));
        // Every other product of the load reaches the index too (and leaves no work behind for later tests).
        vn.htxconnect.testing.TestData.awaitOutboxDrained(jdbc);
    }
}
