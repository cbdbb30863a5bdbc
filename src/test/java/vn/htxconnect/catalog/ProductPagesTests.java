package vn.htxconnect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** The pages a full reindex reads the catalogue in: bounded, in ID order, complete, and no N+1. */
@IntegrationTest
class ProductPagesTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ProductService products;
    @Autowired
    SqlStatementCounter sql;

    @Test
    void pagesHoldTheProductsOfTheirRangeInIdOrderWithCertificatesInTwoStatements() {
        String tag = TestData.unique("pg");
        String org = TestData.createOrganization(TestData.asAdmin(graphQl), "HTX Chè " + tag, "COOPERATIVE", "Thái Nguyên");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> extra = i % 2 == 0
                    ? Map.of("certifications", List.of(Map.of("scheme", "VIETGAP", "number", "VG-" + i),
                            Map.of("scheme", "OCOP", "ocopStars", 4)))
                    : Map.of();
            String id = TestData.createProduct(graphQl, org, "Chè Tân Cương " + tag + " " + i, "TEA", extra);
            ids.add(GlobalId.decode("id", id).id());
        }
        long first = ids.getFirst();
        long last = ids.getLast();
        assertThat(products.maxId()).isGreaterThanOrEqualTo(last);

        sql.reset();
        List<Product> page = products.productsBetween(first - 1, last, 1000);
        int statements = sql.count();
        assertThat(page).extracting(Product::databaseId).isSorted().containsAll(ids)
                .allSatisfy(id -> assertThat(id).isBetween(first, last));
        // Each product as findById reads it, certificates included.
        for (Long id : ids) {
            Product read = page.stream().filter(p -> p.databaseId() == id).findFirst().orElseThrow();
            assertThat(read).isEqualTo(products.findById(id).orElseThrow());
        }
        assertThat(page.stream().filter(p -> ids.contains(p.databaseId())).mapToInt(p -> p.certifications().size()).sum())
                .isEqualTo(6);
        assertThat(statements).as(sql.statements().toString()).isEqualTo(2);

        // The limit and both bounds hold: (first, last] in pages of 2 holds the other four, nothing else.
        List<Long> paged = new ArrayList<>();
        long after = first;
        for (List<Product> p = products.productsBetween(after, last, 2); !p.isEmpty();
             p = products.productsBetween(after, last, 2)) {
            assertThat(p).hasSizeLessThanOrEqualTo(2);
            p.forEach(x -> paged.add(x.databaseId()));
            after = p.getLast().databaseId();
        }
        assertThat(paged).isSorted().containsAll(ids.subList(1, ids.size())).doesNotContain(first)
                .allSatisfy(id -> assertThat(id).isBetween(first + 1, last));
        assertThat(products.productsBetween(last, last, 1000)).isEmpty();
    }
}
