package vn.htxconnect.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Files refused as a whole write nothing; a 10,000-row file imports in the background with progress. */
@IntegrationTest
class ProductImportLimitsTests extends ImportTestSupport {

    private static final String[] PROVINCES = {"Đắk Lắk", "Lâm Đồng", "Bến Tre", "Tiền Giang", "Hà Giang", "79", "Sóc Trăng"};
    private static final String[] CATEGORIES = {"Cà phê", "sau rieng", "Rice", "TEA", "Hồ tiêu", "Mật ong"};

    private void assertNothingWritten() {
        assertThat(productCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product_import WHERE organization_id = ?", Integer.class,
                orgDbId())).isZero();
    }

    private static String rows(int n, String tag) {
        StringBuilder csv = new StringBuilder(ImportClient.HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            csv.append("SP-").append(i).append(",Sản phẩm ").append(tag).append(" số ").append(i).append(',')
                    .append(CATEGORIES[i % CATEGORIES.length]).append(",Hàng loạt,kg,").append(10_000 + i).append(',')
                    .append(20_000 + i).append(",10,1000,\"1-3,11\",VIETGAP:VG-").append(i).append(",,")
                    .append(PROVINCES[i % PROVINCES.length]).append(",,,\n");
        }
        return csv.toString();
    }

    @Test
    void wrongEncodingIsRefusedNamingTheLine() {
        // Windows-1258 (the legacy Vietnamese code page) writes "à" as one byte that is not UTF-8.
        String csv = ImportClient.csv("A-1,Gao,Gao,,kg,,,,,,,,,,,", "A-2,Cà phê,Cà phê,,kg,,,,,,,,,,,");
        ImportClient.Response r = client.upload(org, "cp1258.csv", csv.getBytes(Charset.forName("windows-1258")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("code")).isEqualTo("BAD_REQUEST");
        assertThat(r.get("field")).isEqualTo("file");
        assertThat(r.get("message")).asString().contains("not UTF-8", "line 3", "CSV UTF-8");
        assertNothingWritten();
    }

    @Test
    void refusalsAndReportsComeInTheUploadersLanguage() {
        ImportClient vietnamese = new ImportClient(port, TestData.adminToken(anonymous), "vi");
        String noPrices = ImportClient.csv("A-1,Gạo,Gạo,,kg,,,,,,,,,,,").replace(",price_min_vnd,price_max_vnd", "");
        assertThat(vietnamese.upload(org, noPrices).get("message")).asString()
                .startsWith("Thiếu các cột price_min_vnd, price_max_vnd; dòng tiêu đề phải có đủ các cột: external_ref,");
        assertNothingWritten();
        String twice = ImportClient.csv("A-1,Gạo,Gạo,,kg,,,,,,,,,,,", "A-1,Gạo,Gạo,,kg,,,,,,,,,,,");
        ImportClient.Response vi = vietnamese.upload(org, twice);
        assertThat(vi.status()).isEqualTo(201);
        assertThat(vi.errors()).singleElement().satisfies(e -> assertThat(e.get("message"))
                .isEqualTo("external_ref A-1 đã có ở dòng 2; mỗi sản phẩm chỉ được xuất hiện một lần trong tệp"));
        // The report is stored in the language it was uploaded in; a new upload in English reads English.
        ImportClient.Response en = client.upload(org, twice);
        assertThat(en.errors()).singleElement().satisfies(e -> assertThat(e.get("message"))
                .isEqualTo("external_ref A-1 already appears on row 2; each product may appear once per file"));
    }

    @Test
    void missingColumnsAndEmptyFilesAreRefusedNamingThem() {
        String noPrices = ImportClient.csv("A-1,Gạo,Gạo,,kg,,,,,,,,,,,").replace(",price_min_vnd,price_max_vnd", "");
        ImportClient.Response r = client.upload(org, noPrices);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("reason")).isEqualTo("REQUIRED");
        assertThat(r.get("column")).isEqualTo("price_min_vnd,price_max_vnd");
        assertThat(r.get("message")).asString().contains("Missing columns price_min_vnd, price_max_vnd");
        assertThat(client.upload(org, "").get("message")).asString().contains("empty");
        assertThat(client.upload(org, ImportClient.HEADER + "\n").get("message")).asString().contains("no product rows");
        assertThat(client.upload(org, ImportClient.csv("\"A-1,Gạo")).get("message")).asString().contains("Malformed CSV at row 2");
        graphQl.document("""
                mutation($input: ImportProductsInput!) { importProducts(input: $input) {
                  productImport { id } errors { field code message } } }""")
                .variable("input", Map.of("organizationId", org, "csv", noPrices)).execute()
                .path("importProducts.productImport").valueIsNull()
                .path("importProducts.errors[0].field").entityList(String.class).containsExactly("input", "csv")
                .path("importProducts.errors[0].code").entity(String.class).isEqualTo("REQUIRED");
        assertNothingWritten();
    }

    @Test
    void moreThanOneHundredThousandRowsAreRefusedBeforeWritingAnything() {
        ImportClient.Response r = client.upload(org, rows(100_001, tag));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("reason")).isEqualTo("OUT_OF_RANGE");
        assertThat(r.get("row")).isEqualTo(100_002);
        assertThat(r.get("message")).asString().contains("more than 100000 product rows");
        assertNothingWritten();
    }

    @Test
    void graphQlSendsLargeFilesToTheRestEndpoint() {
        graphQl.document("""
                mutation($input: ImportProductsInput!) { importProducts(input: $input) { errors { field code message } } }""")
                .variable("input", Map.of("organizationId", org, "csv", rows(2_001, tag))).execute()
                .path("importProducts.errors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE")
                .path("importProducts.errors[0].message").entity(String.class)
                // In Vietnamese, the default language of a caller who names none.
                .satisfies(m -> assertThat(m).contains("Tệp có hơn 2000 dòng sản phẩm", "/api/organizations/" + org + "/product-imports"));
        assertNothingWritten();
    }

    @Test
    void tenThousandRowsImportInTheBackgroundWithProgress() {
        ImportClient.Response accepted = client.upload(org, "10k.csv", rows(10_000, tag).getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.get("status")).isIn("QUEUED", "RUNNING");
        assertThat(accepted.number("totalRows")).isEqualTo(10_000);

        ImportClient.Response running = client.report(org, (String) accepted.get("id"));
        assertThat(running.number("processedRows")).isBetween(0, 10_000);

        ImportClient.Response done = client.awaitFinished(org, (String) accepted.get("id"), Duration.ofMinutes(5));
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.number("processedRows")).isEqualTo(10_000);
        assertThat(done.number("created")).isEqualTo(10_000);
        assertThat(done.number("rejected")).isZero();
        assertThat((Double) done.get("progress")).isEqualTo(1.0);
        assertThat(done.get("finishedAt")).isNotNull();
        assertThat(productCount()).isEqualTo(10_000);
        assertThat(jdbc.queryForList("SELECT DISTINCT province_code FROM product WHERE organization_id = ? ORDER BY 1",
                String.class, orgDbId())).isEqualTo(List.of("08", "66", "68", "79", "82", "86", "92"));

        // Let the indexer catch up here, so later tests' searches do not queue behind 10,000 documents.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = 'product'
                AND aggregate_id IN (SELECT id FROM product WHERE organization_id = ?)""", Integer.class, orgDbId()) == 0);
    }
}
