package vn.htxconnect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.support.IntegrationTest;
import vn.htxconnect.support.TestData;

/** Bad product input gets errors naming the field and writes nothing. */
@IntegrationTest
class ProductMutationTests {

    private static final String CREATE = """
            mutation($input: CreateProductInput!) {
              createProduct(input: $input) { product { id version unit province { code } lat lon ocopStars }
                                             errors { field code message } clientMutationId }
            }""";

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @Autowired
    JdbcTemplate jdbc;
    String org;

    @BeforeEach
    void organization() {
        graphQl = TestData.asAdmin(anonymous);
        org = TestData.createOrganization(graphQl, TestData.unique("HTX Thanh long "), "COOPERATIVE", "Bình Thuận");
    }

    private Map<String, Object> valid() {
        Map<String, Object> in = new HashMap<>();
        in.put("organizationId", org);
        in.put("name", "Thanh long ruột đỏ");
        in.put("category", "Thanh long");
        in.put("unit", "tấn");
        return in;
    }

    private HttpGraphQlTester.Response create(Map<String, Object> input) {
        return graphQl.document(CREATE).variable("input", input).execute();
    }

    private void assertRejected(Map<String, Object> input, String field, String code) {
        List<String> path = vn.htxconnect.platform.UserError.of(field, vn.htxconnect.platform.UserErrorCode.INVALID, "").field();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM product", Integer.class);
        HttpGraphQlTester.Response r = create(input);
        r.path("createProduct.product").valueIsNull();
        r.path("createProduct.errors[*].field").entityList(List.class).satisfies(fields ->
                assertThat(fields).as("errors name the field").contains(path));
        r.path("createProduct.errors[*].code").entityList(String.class).contains(code);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product", Integer.class)).isEqualTo(before);
    }

    @Test
    void validProductDefaultsLocationToTheOrganizationAndParsesUnits() {
        Map<String, Object> in = valid();
        in.put("clientMutationId", "abc-1");
        in.put("certifications", List.of(Map.of("scheme", "ocop", "ocopStars", 4)));
        HttpGraphQlTester.Response r = create(in);
        r.path("createProduct.errors").entityList(Object.class).hasSize(0);
        r.path("createProduct.clientMutationId").entity(String.class).isEqualTo("abc-1");
        r.path("createProduct.product.unit").entity(String.class).isEqualTo("TAN");
        r.path("createProduct.product.province.code").entity(String.class).isEqualTo("68");
        r.path("createProduct.product.ocopStars").entity(Integer.class).isEqualTo(4);
        r.path("createProduct.product.lat").entity(Double.class).satisfies(lat -> assertThat(lat).isBetween(10.0, 13.0));
    }

    @Test
    void badFieldsAreRejectedByName() {
        Map<String, Object> in = valid();
        in.put("category", "Không có");
        assertRejected(in, "category", "NOT_FOUND");
        in = valid();
        in.put("unit", "furlong");
        assertRejected(in, "unit", "INVALID");
        in = valid();
        in.put("priceMinVnd", 200000);
        in.put("priceMaxVnd", 100000);
        assertRejected(in, "priceMinVnd", "OUT_OF_RANGE");
        in = valid();
        in.put("province", "Atlantis");
        assertRejected(in, "province", "NOT_FOUND");
        in = valid();
        in.put("minOrderQty", 0);
        assertRejected(in, "minOrderQty", "OUT_OF_RANGE");
        in = valid();
        in.put("availableMonths", List.of(1, 13));
        assertRejected(in, "availableMonths", "OUT_OF_RANGE");
        in = valid();
        in.put("lat", 10.5);
        assertRejected(in, "lon", "REQUIRED");
        in = valid();
        in.put("name", "x".repeat(256));
        assertRejected(in, "name", "TOO_LONG");
    }

    @Test
    void expiredOrMalformedCertificatesAreRejected() {
        Map<String, Object> in = valid();
        in.put("certifications", List.of(Map.of("scheme", "VIETGAP", "validTo", LocalDate.now().minusDays(1).toString())));
        assertRejected(in, "certifications[0].validTo", "OUT_OF_RANGE");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "OCOP", "ocopStars", 2)));
        assertRejected(in, "certifications[0].ocopStars", "OUT_OF_RANGE");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "MADE-UP")));
        assertRejected(in, "certifications[0].scheme", "INVALID");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "VIETGAP", "validFrom", "2026-01-01", "validTo", "2029-01-01")));
        assertRejected(in, "certifications[0].validTo", "OUT_OF_RANGE");
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        String id = create(valid()).path("createProduct.product.id").entity(String.class).get();
        String update = """
                mutation($input: UpdateProductInput!) {
                  updateProduct(input: $input) { product { name version } errors { field code } }
                }""";
        graphQl.document(update).variable("input", Map.of("id", id, "expectedVersion", 0, "name", "Thanh long ruột trắng"))
                .execute().path("updateProduct.product.version").entity(Integer.class).isEqualTo(1);
        graphQl.document(update).variable("input", Map.of("id", id, "expectedVersion", 0, "name", "Stale write"))
                .execute().path("updateProduct.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // An invalid update rolls back every field it touched.
        graphQl.document(update).variable("input", Map.of("id", id, "name", "Half", "unit", "furlong"))
                .execute().path("updateProduct.errors[0].field[1]").entity(String.class).isEqualTo("unit");
        graphQl.document("query($id: ID!) { product(id: $id) { name version } }").variable("id", id).execute()
                .path("product.name").entity(String.class).isEqualTo("Thanh long ruột trắng")
                .path("product.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void buyersCannotListProducts() {
        String buyer = TestData.createOrganization(graphQl, TestData.unique("Chuỗi bán lẻ "), "RETAIL_CHAIN", "Hà Nội");
        Map<String, Object> in = valid();
        in.put("organizationId", buyer);
        assertRejected(in, "organizationId", "INVALID");
    }
}
