package vn.htxconnect.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** CSV product import: parsing as cooperatives write spreadsheets, per-row errors, re-import, search. */
@IntegrationTest
class ProductImportTests extends ImportTestSupport {

    private static final String FUTURE = LocalDate.now().plusYears(1).toString();

    private String productId(String externalRef) {
        Long id = jdbc.queryForObject("SELECT id FROM product WHERE organization_id = ? AND external_ref = ?", Long.class,
                orgDbId(), externalRef);
        return GlobalId.encode("Product", id);
    }


    private HttpGraphQlTester.Response product(String externalRef) {
        return graphQl.document("""
                query($id: ID!) { product(id: $id) { name unit priceMinVnd priceMaxVnd minOrderQty availableMonths
                  provinceCode lat category { code } ocopStars imageUrls version
                  certifications { scheme number validTo } } }""")
                .variable("id", productId(externalRef)).execute();
    }

    @Test
    void commaFileWithBomVietnameseNamesLegacyProvinceMonthsAndCertificates() {
        String csv = "\uFEFF" + ImportClient.csv(
                "CP-1,Cà phê Robusta " + tag + ",ca phe,\"Hạt chín đỏ, phơi giàn\",kg,95.000,\"120,000\",50,20000,"
                        + "\"10-12,1\",VIETGAP:VG-0123:" + FUTURE + ";OCOP:OC-45,4,Bình Phước,,,https://example.com/a.jpg",
                "TIEU-1,Hồ tiêu đen " + tag + ",Pepper,,tấn,,,1,30,11-2,ORGANIC,,Gia Lai,13.98,108.0,");
        ImportClient.Response r = client.upload(org, "san-pham.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.get("status")).isEqualTo("DONE");
        assertThat(r.get("fileName")).isEqualTo("san-pham.csv");
        assertThat(r.number("created")).isEqualTo(2);
        assertThat(r.number("rejected")).isZero();
        assertThat(r.headers().getLocation()).hasToString((String) r.get("location"));

        HttpGraphQlTester.Response coffee = product("CP-1");
        coffee.path("product.category.code").entity(String.class).isEqualTo("COFFEE");
        coffee.path("product.unit").entity(String.class).isEqualTo("KG");
        coffee.path("product.priceMinVnd").entity(Long.class).isEqualTo(95_000L);
        coffee.path("product.priceMaxVnd").entity(Long.class).isEqualTo(120_000L);
        coffee.path("product.availableMonths").entityList(Integer.class).containsExactly(1, 10, 11, 12);
        coffee.path("product.provinceCode").entity(String.class).isEqualTo("75"); // Bình Phước is now Đồng Nai
        coffee.path("product.ocopStars").entity(Integer.class).isEqualTo(4);
        coffee.path("product.certifications[*].scheme").entityList(String.class).containsExactly("VIETGAP", "OCOP");
        coffee.path("product.certifications[0].validTo").entity(String.class).isEqualTo(FUTURE);
        coffee.path("product.imageUrls").entityList(String.class).containsExactly("https://example.com/a.jpg");

        HttpGraphQlTester.Response pepper = product("TIEU-1");
        pepper.path("product.category.code").entity(String.class).isEqualTo("SPICES_PEPPER");
        pepper.path("product.unit").entity(String.class).isEqualTo("TAN");
        pepper.path("product.availableMonths").entityList(Integer.class).containsExactly(1, 2, 11, 12);
        pepper.path("product.provinceCode").entity(String.class).isEqualTo("52");
        pepper.path("product.lat").entity(Double.class).isEqualTo(13.98);
    }

    @Test
    void semicolonFileThroughGraphQlWithDecimalCommasAndReportQueries() {
        String csv = ImportClient.HEADER.replace(',', ';') + "\r\n"
                + "RAU-1;Cải ngọt hữu cơ " + tag + ";rau an la;;bó;15000;;12,5;800;1-12;ORGANIC:HC-9;;Đắk Nông;;;\r\n"
                + ";;;;;;;;;;;;;;;\r\n";
        HttpGraphQlTester.Response r = graphQl.document("""
                mutation($input: ImportProductsInput!) { importProducts(input: $input) {
                  productImport { id status totalRows processedRows progress createdCount rejectedCount
                                  organization { id } fileName }
                  errors { field code message } clientMutationId } }""")
                .variable("input", Map.of("organizationId", org, "csv", csv, "fileName", "rau.csv", "clientMutationId", "m1"))
                .execute();
        r.path("importProducts.errors").entityList(Object.class).hasSize(0);
        r.path("importProducts.clientMutationId").entity(String.class).isEqualTo("m1");
        r.path("importProducts.productImport.status").entity(String.class).isEqualTo("DONE");
        r.path("importProducts.productImport.totalRows").entity(Integer.class).isEqualTo(1);
        r.path("importProducts.productImport.progress").entity(Double.class).isEqualTo(1.0);
        r.path("importProducts.productImport.createdCount").entity(Integer.class).isEqualTo(1);
        r.path("importProducts.productImport.organization.id").entity(String.class).isEqualTo(org);
        String importId = r.path("importProducts.productImport.id").entity(String.class).get();

        HttpGraphQlTester.Response leafy = product("RAU-1");
        leafy.path("product.category.code").entity(String.class).isEqualTo("VEG_LEAFY");
        leafy.path("product.minOrderQty").entity(Double.class).isEqualTo(12.5);
        leafy.path("product.provinceCode").entity(String.class).isEqualTo("68"); // Đắk Nông is now Lâm Đồng

        graphQl.document("query($id: ID!) { node(id: $id) { id ... on ProductImport { fileName createdCount } } }")
                .variable("id", importId).execute()
                .path("node.fileName").entity(String.class).isEqualTo("rau.csv")
                .path("node.createdCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void reimportUpdatesByExternalRefInsteadOfDuplicating() {
        String first = ImportClient.csv("G-1,Gạo ST25 " + tag + ",Gạo đặc sản,,kg,30000,35000,,,,,,Sóc Trăng,,,",
                "G-2,Gạo tám thơm " + tag + ",Gạo,,kg,20000,25000,,,,,,,,,");
        assertThat(client.upload(org, first).number("created")).isEqualTo(2);

        ImportClient.Response again = client.upload(org, first);
        assertThat(again.number("created")).isZero();
        assertThat(again.number("unchanged")).isEqualTo(2);

        ImportClient.Response changed = client.post(org, first.replace("30000,35000", "32000,36000"));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.get("fileName")).isEqualTo("raw.csv");
        assertThat(changed.number("updated")).isEqualTo(1);
        assertThat(changed.number("unchanged")).isEqualTo(1);
        assertThat(productCount()).isEqualTo(2);
        product("G-1").path("product.priceMinVnd").entity(Long.class).isEqualTo(32_000L)
                .path("product.version").entity(Integer.class).isEqualTo(1)
                .path("product.provinceCode").entity(String.class).isEqualTo("92");
        product("G-2").path("product.version").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void invalidRowsAreRejectedWholeNamingRowAndColumnWhileValidRowsCommit() {
        String csv = ImportClient.csv(
                "OK-1,Sầu riêng Ri6 " + tag + ",Sầu riêng,,kg,,,,,,,,,,,",
                "BAD-UNIT,Sầu riêng,Sầu riêng,,furlong,,,,,,,,,,,",
                "BAD-PRICE,Sầu riêng,Sầu riêng,,kg,200000,100000,,,,,,,,,",
                "BAD-CERT,Sầu riêng,Sầu riêng,,kg,,,,,,VIETGAP:VG-1:2027-02-30,,,,,",
                "BAD-PROV,Sầu riêng,Sầu riêng,,kg,,,,,,,,Atlantis,,,",
                ",Sầu riêng,Sầu riêng,,kg,,,,,,,,,,,",
                "ok-1,Sầu riêng lặp,Sầu riêng,,kg,,,,,,,,,,,",
                "BAD-TWO,Sầu riêng,Không có,,kg,abc,,,,,,,,,,",
                "BAD-OCOP,Sầu riêng,Sầu riêng,,kg,,,,,,OCOP:OC-1,,,,,");
        ImportClient.Response r = client.upload(org, csv);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.number("totalRows")).isEqualTo(9);
        assertThat(r.number("created")).isEqualTo(1);
        assertThat(r.number("rejected")).isEqualTo(8);
        assertThat(r.errors()).extracting(e -> e.get("row"), e -> e.get("column"), e -> e.get("code")).containsExactly(
                tuple(3, "unit", "INVALID"),
                tuple(4, "price_min_vnd", "OUT_OF_RANGE"),
                tuple(5, "certifications", "INVALID"),
                tuple(6, "province", "NOT_FOUND"),
                tuple(7, "external_ref", "REQUIRED"),
                tuple(8, "external_ref", "DUPLICATE"),
                tuple(9, "price_min_vnd", "INVALID"),
                tuple(9, "category", "NOT_FOUND"),
                tuple(10, "ocop_stars", "OUT_OF_RANGE"));
        assertThat(r.errors().get(1).get("message")).asString().contains("price_min_vnd must not exceed price_max_vnd");
        assertThat(r.errors().get(2).get("message")).asString().contains("'2027-02-30'", "is not a date");
        assertThat(r.errors().get(5).get("message")).asString().contains("row 2");
        assertThat(r.number("errorCount")).isEqualTo(9);
        assertThat(productCount()).isEqualTo(1);

        // The same report later, and its errors paged through GraphQL.
        assertThat(client.report(org, (String) r.get("id")).errors()).hasSize(9);
        graphQl.document("""
                query($id: ID!) { productImport(id: $id) { rejectedCount rowErrorCount
                  rowErrors(first: 2) { totalCount pageInfo { hasNextPage } edges { node { row column code message } } } } }""")
                .variable("id", r.get("id")).execute()
                .path("productImport.rowErrorCount").entity(Integer.class).isEqualTo(9)
                .path("productImport.rowErrors.totalCount").entity(Integer.class).isEqualTo(9)
                .path("productImport.rowErrors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("productImport.rowErrors.edges[*].node.row").entityList(Integer.class).containsExactly(3, 4);
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneAndItsNeighboursCommit() {
        assertThat(client.upload(org, ImportClient.csv("CÀ-1,Cà phê " + tag + ",Cà phê,,kg,,,,,,,,,,,")).number("created"))
                .isEqualTo(1);
        // The unique key compares references ignoring accents: "CA-1" is taken by "CÀ-1", which the chunk
        // only finds out on insert. The chunk is retried row by row, so only that row is lost.
        ImportClient.Response r = client.upload(org, ImportClient.csv(
                "NEW-1,Chè " + tag + ",TEA,,kg,,,,,,,,,,,",
                "CA-1,Ca cao " + tag + ",Ca cao,,kg,,,,,,,,,,,",
                "NEW-2,Tiêu " + tag + ",Hồ tiêu,,kg,,,,,,,,,,,"));
        assertThat(r.number("created")).isEqualTo(2);
        assertThat(r.number("rejected")).isEqualTo(1);
        assertThat(r.errors()).extracting(e -> e.get("row"), e -> e.get("column"), e -> e.get("code"))
                .containsExactly(tuple(3, "external_ref", "CONFLICT"));
        assertThat(productCount()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT name FROM product WHERE organization_id = ? ORDER BY name", String.class,
                orgDbId())).containsExactly("Cà phê " + tag, "Chè " + tag, "Tiêu " + tag);
    }

    @Test
    void importedProductsBecomeSearchable() {
        client.upload(org, ImportClient.csv(
                "MO-1,Mật ong hoa cà phê " + tag + ",Mật ong,,lít,,,,,,,,,,,",
                "MO-2,Mật ong rừng U Minh " + tag + ",Honey,,hũ,,,,,,,,Cà Mau,,,"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchTagged(graphQl, "mat ong " + tag, tag, null)).containsExactlyInAnyOrder(
                        "Mật ong hoa cà phê " + tag, "Mật ong rừng U Minh " + tag));
    }

    @Test
    void templateDownloadsAndImportsCleanly() {
        assertThat(client.templateHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(client.templateHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        byte[] template = client.template();
        assertThat(template).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(template, StandardCharsets.UTF_8)).contains(ImportClient.HEADER, "Cà phê");
        ImportClient.Response r = client.upload(org, "mau.csv", template);
        assertThat(r.number("created")).isEqualTo(1);
        assertThat(r.number("rejected")).isZero();
        assertThat((List<?>) r.get("warnings")).isEmpty();
    }

    @Test
    void buyersAndUnknownOrganizationsCannotImport() {
        String buyer = TestData.createOrganization(graphQl, TestData.unique("Siêu thị "), "RETAIL_CHAIN", "Hà Nội");
        String csv = ImportClient.csv("X-1,Gạo,Gạo,,kg,,,,,,,,,,,");
        ImportClient.Response r = client.upload(buyer, csv);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("field")).isEqualTo("organizationId");
        assertThat(r.get("reason")).isEqualTo("INVALID");
        assertThat(client.upload(GlobalId.encode("Organization", Long.MAX_VALUE), csv).status()).isEqualTo(404);
        assertThat(client.report(org, GlobalId.encode("ProductImport", Long.MAX_VALUE)).status()).isEqualTo(404);
    }

    @Test
    void onlyTheOrganizationsMembersMayImport() {
        String csv = ImportClient.csv("R-1,Cà phê nhân,COFFEE,,kg,,,,,,,,,,,");
        ImportClient.Response anonymousUpload = new ImportClient(port, null).upload(org, csv);
        assertThat(anonymousUpload.status()).isEqualTo(401);
        String otherOwner = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { token } }""")
                .variable("i", java.util.Map.of(
                        "organization", java.util.Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX khác "), "province", "Huế"),
                        "owner", java.util.Map.of("email", TestData.unique("o") + "@htx.vn", "name", "Lê C", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        assertThat(new ImportClient(port, otherOwner).upload(org, csv).status()).isEqualTo(403);
        assertThat(productCount()).isZero();
    }
}
