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

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

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
        List<String> path = vn.htxconnect.platform.UserError.of(field, vn.htxconnect.platform.UserErrorCode.INVALID,
                vn.htxconnect.platform.Message.of("input.required", field)).field();
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
    void malformedCertificatesAreRejected() {
        Map<String, Object> in = valid();
        in.put("certifications", List.of(Map.of("scheme", "OCOP", "ocopStars", 2)));
        assertRejected(in, "certifications[0].ocopStars", "OUT_OF_RANGE");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "OTHER")));
        assertRejected(in, "certifications[0].scheme", "INVALID");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", " ")));
        assertRejected(in, "certifications[0].scheme", "REQUIRED");
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "VIETGAP", "validFrom", "2026-01-01", "validTo", "2029-01-01")));
        assertRejected(in, "certifications[0].validTo", "OUT_OF_RANGE");
        // Ending before it starts is malformed even when both dates are long past.
        in = valid();
        in.put("certifications", List.of(Map.of("scheme", "GLOBALGAP", "validFrom", "2021-05-01", "validTo", "2020-05-01")));
        assertRejected(in, "certifications[0].validTo", "OUT_OF_RANGE");
    }

    @Test
    void expiredCertificatesAndUnknownSchemesAreKeptWithWarnings() {
        String expiredOn = LocalDate.now().minusDays(1).toString();
        Map<String, Object> in = valid();
        in.put("certifications", List.of(
                Map.of("scheme", "VIETGAP", "number", "VG-OLD", "validTo", expiredOn),
                Map.of("scheme", "Chứng nhận Xanh Sạch", "number", "XS-1", "validTo", LocalDate.now().plusYears(1).toString())));
        HttpGraphQlTester.Response r = graphQl.document("""
                mutation($input: CreateProductInput!) {
                  createProduct(input: $input) { product { id certifications { scheme label valid } }
                                                 errors { field code } warnings { field code message } }
                }""").variable("input", in).execute();
        r.path("createProduct.errors").entityList(Object.class).hasSize(0);
        r.path("createProduct.warnings[*].code").entityList(String.class)
                .containsExactly("CERTIFICATE_EXPIRED", "UNKNOWN_CERTIFICATION_SCHEME");
        r.path("createProduct.warnings[0].field").entityList(String.class)
                .containsExactly("input", "certifications", "0", "validTo");
        r.path("createProduct.warnings[1].field").entityList(String.class)
                .containsExactly("input", "certifications", "1", "scheme");
        // Messages come in Vietnamese by default.
        r.path("createProduct.warnings[0].message").entity(String.class).isEqualTo("Chứng nhận VIETGAP đã hết hạn ngày "
                + expiredOn + "; được giữ làm lịch sử, không được tính khi tìm kiếm, lọc và ghép nối cung cầu");
        // Only the valid certificate is shown by default; the OTHER one under its own name.
        r.path("createProduct.product.certifications[*].scheme").entityList(String.class).containsExactly("OTHER");
        r.path("createProduct.product.certifications[0].label").entity(String.class).isEqualTo("Chứng nhận Xanh Sạch");
        String id = r.path("createProduct.product.id").entity(String.class).get();
        assertThat(jdbc.queryForList("SELECT scheme FROM product_certification WHERE product_id = ? ORDER BY id", String.class,
                vn.htxconnect.platform.GlobalId.decode("id", id, "Product"))).containsExactly("VIETGAP", "OTHER");

        String history = "query($id: ID!) { product(id: $id) { certifications(includeExpired: true) { scheme label valid } } }";
        graphQl.document(history).variable("id", id).execute()
                .path("product.certifications[*].scheme").entityList(String.class).containsExactly("VIETGAP", "OTHER")
                .path("product.certifications[0].valid").entity(Boolean.class).isEqualTo(false)
                .path("product.certifications[0].label").entity(String.class).isEqualTo("VietGAP");
        anonymous.document(history).variable("id", id).execute()
                .path("product.certifications[*].scheme").entityList(String.class).containsExactly("OTHER");

        // An update with an expired certificate succeeds too, with its warning.
        graphQl.document("""
                mutation($input: UpdateProductInput!) {
                  updateProduct(input: $input) { product { version } errors { code } warnings { field code } }
                }""").variable("input", Map.of("id", id, "certifications",
                        List.of(Map.of("scheme", "Fair Trade", "validTo", "2025-06-30"))))
                .execute()
                .path("updateProduct.errors").entityList(Object.class).hasSize(0)
                .path("updateProduct.product.version").entity(Integer.class).isEqualTo(1)
                .path("updateProduct.warnings[*].code").entityList(String.class).containsExactly("CERTIFICATE_EXPIRED");
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
