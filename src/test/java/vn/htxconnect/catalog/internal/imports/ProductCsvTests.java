package vn.htxconnect.catalog.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;

/** Reading product CSVs: encodings, separators, headers, and cells as Vietnamese spreadsheets write them. */
class ProductCsvTests {

    private static final String HEADER = ProductCsv.allColumns();

    private static List<ProductCsv.Row> rows(String text) {
        List<ProductCsv.Row> rows = new ArrayList<>();
        ProductCsv.read(text, 100, Message.of("catalog.import.hint.smaller")).forEachRow(rows::add);
        return rows;
    }

    private static ProductRowMapper.Mapped mapped(String row) {
        return ProductRowMapper.map(rows(HEADER + "\n" + row).getFirst(), "org", "en");
    }

    private static ImportRejectedException refused(Runnable action) {
        try {
            action.run();
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void semicolonFileWithBomAndShuffledColumnsIsReadByHeaderName() {
        List<String> columns = new ArrayList<>(List.of(HEADER.split(",")));
        Collections.reverse(columns);
        String header = String.join(";", columns).toUpperCase();
        String row = "https://x.vn/a.jpg;;;Lâm Đồng;;;;;;;;kg;;Rau;Cải ngọt;RAU-01";
        List<ProductCsv.Row> rows = rows("\uFEFF" + header + "\r\n" + row + "\r\n;;;;;;;;;;;;;;;\r\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().number()).isEqualTo(2);
        assertThat(rows.getFirst().cell(ImportColumn.EXTERNAL_REF)).isEqualTo("RAU-01");
        assertThat(rows.getFirst().cell(ImportColumn.PROVINCE)).isEqualTo("Lâm Đồng");
        assertThat(rows.getFirst().cell(ImportColumn.IMAGE_URLS)).isEqualTo("https://x.vn/a.jpg");
    }

    @Test
    void unknownColumnsAreIgnoredWithAWarningAndMissingOnesNamed() {
        ProductCsv csv = ProductCsv.read(HEADER + ",ghi chú\nA,Gạo,Gạo,,kg,,,,,,,,,,,,note", 10, Message.of("catalog.import.hint.smaller"));
        assertThat(csv.warnings()).singleElement().asString().contains("ghi chú");
        ImportRejectedException e = refused(() -> ProductCsv.read(HEADER.replace(",lat,lon", "") + "\nx", 10, Message.of("catalog.import.hint.smaller")));
        assertThat(e.code()).isEqualTo(UserErrorCode.REQUIRED);
        assertThat(e.column()).isEqualTo("lat,lon");
        assertThat(e.getMessage()).contains("Missing columns lat, lon");
    }

    @Test
    void wholeFileProblemsAreRefusedWithTheirRow() {
        assertThat(refused(() -> ProductCsv.read("", 10, Message.of("catalog.import.hint.smaller"))).getMessage()).contains("empty");
        assertThat(refused(() -> ProductCsv.read(HEADER + "\n\n", 10, Message.of("catalog.import.hint.smaller"))).getMessage()).contains("no product rows");
        ImportRejectedException quotes = refused(() -> ProductCsv.read(HEADER + "\nA,B\nC,\"D,E\n", 10, Message.of("catalog.import.hint.smaller")));
        assertThat(quotes.row()).isEqualTo(3);
        ImportRejectedException tooMany = refused(() -> ProductCsv.read(HEADER + "\na\nb\nc\n", 2, Message.of("catalog.import.hint.smaller")));
        assertThat(tooMany.code()).isEqualTo(UserErrorCode.OUT_OF_RANGE);
        assertThat(tooMany.row()).isEqualTo(4);
        assertThat(tooMany.getMessage()).contains("more than 2", "split it");
    }

    @Test
    void onlyUtf8IsAccepted() {
        assertThat(ProductCsv.decode("Cà phê".getBytes(StandardCharsets.UTF_8))).isEqualTo("Cà phê");
        byte[] latin1 = "a,b\nCà phê".getBytes(StandardCharsets.ISO_8859_1);
        ImportRejectedException e = refused(() -> ProductCsv.decode(latin1));
        assertThat(e.getMessage()).contains("not UTF-8", "line 2");
        byte[] cp1258 = "Cà phê".getBytes(Charset.forName("windows-1258"));
        assertThat(refused(() -> ProductCsv.decode(cp1258)).getMessage()).contains("not UTF-8");
        assertThat(refused(() -> ProductCsv.decode("a".getBytes(StandardCharsets.UTF_16))).getMessage()).contains("UTF-16");
    }

    @Test
    void numbersAsVietnameseSpreadsheetsWriteThem() {
        ProductInput in = mapped("A,Gạo,Gạo,,kg,95.000,\"1.200.000 đ\",\"12,5\",20 000,,,,,\"10,5\",106.7,").input();
        assertThat(in.priceMinVnd()).isEqualTo(95_000L);
        assertThat(in.priceMaxVnd()).isEqualTo(1_200_000L);
        assertThat(in.minOrderQty()).isEqualByComparingTo("12.5");
        assertThat(in.monthlyCapacity()).isEqualByComparingTo("20000");
        assertThat(in.lat()).isEqualTo(10.5);
        assertThat(in.lon()).isEqualTo(106.7);

        ProductRowMapper.Mapped ambiguous = mapped("A,Gạo,Gạo,,kg,95000.5,,1.500,,,,,,,,");
        assertThat(ambiguous.errors()).extracting(ProductImportError::column).containsExactly("price_min_vnd", "min_order_qty");
        assertThat(ambiguous.errors().get(1).message()).contains("1500 or 1.5");
        assertThat(mapped("A,Gạo,Gạo,,kg,,,0.250,,,,,,,,").input().minOrderQty()).isEqualTo(new BigDecimal("0.250"));
        assertThat(mapped("A,Gạo,Gạo,,kg,abc,,,,,,,,,,").errors().getFirst().message()).contains("whole number", "abc");
    }

    @Test
    void monthsRangesWrapOverTheNewYear() {
        assertThat(mapped("A,B,C,,kg,,,,,\"1-3,11,12\",,,,,,").input().availableMonths()).containsExactly(1, 2, 3, 11, 12);
        assertThat(mapped("A,B,C,,kg,,,,,11-2,,,,,,").input().availableMonths()).containsExactly(1, 2, 11, 12);
        assertThat(mapped("A,B,C,,kg,,,,,Tháng 5 – 7,,,,,,").input().availableMonths()).containsExactly(5, 6, 7);
        assertThat(mapped("A,B,C,,kg,,,,,cả năm,,,,,,").input().availableMonths()).isNull();
        assertThat(mapped("A,B,C,,kg,,,,,1-13,,,,,,").input().availableMonths()).contains(13);
        assertThat(mapped("A,B,C,,kg,,,,,mùa khô,,,,,,").errors()).extracting(ProductImportError::column)
                .containsExactly("available_months");
    }

    @Test
    void certificationsCarryNumberExpiryAndOcopStars() {
        List<CertificationInput> certs = mapped("A,B,C,,kg,,,,,,VIETGAP:VG-0123:2027-06-30;ORGANIC;OCOP:OC-1,4 sao,,,,")
                .input().certifications();
        assertThat(certs).containsExactly(
                new CertificationInput("VIETGAP", "VG-0123", null, null, null, LocalDate.of(2027, 6, 30)),
                new CertificationInput("ORGANIC", null, null, null, null, null),
                new CertificationInput("OCOP", "OC-1", null, 4, null, null));
        assertThat(mapped("A,B,C,,kg,,,,,,HACCP,5,,,,").input().certifications())
                .extracting(CertificationInput::scheme, CertificationInput::ocopStars)
                .containsExactly(tuple("HACCP", null), tuple("OCOP", 5));
        assertThat(mapped("A,B,C,,kg,,,,,,VIETGAP:VG:30/06/2027,,,,,").input().certifications().getFirst().validTo())
                .isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(mapped("A,B,C,,kg,,,,,,VIETGAP:VG:2027-02-30,,,,,").errors().getFirst().column()).isEqualTo("certifications");
    }

    @Test
    void unquotedSeparatorInACellRejectsTheRowAsAWhole() {
        ProductRowMapper.Mapped m = mapped("A,B,C,,kg,,,,,1-3,11,12,,,,,,");
        assertThat(m.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isNull();
            assertThat(e.message()).contains("double quotes");
        });
        assertThat(mapped(",B,C,,kg,,,,,,,,,,,").errors().getFirst().code()).isEqualTo(UserErrorCode.REQUIRED);
    }

    @Test
    void validatorFieldsMapBackToColumns() {
        assertThat(ImportColumn.ofField("priceMinVnd")).contains(ImportColumn.PRICE_MIN_VND);
        assertThat(ImportColumn.ofField("certifications[1].validTo")).contains(ImportColumn.CERTIFICATIONS);
        assertThat(ImportColumn.ofField("certifications[0].ocopStars")).contains(ImportColumn.OCOP_STARS);
        assertThat(ImportColumn.ofField("organizationId")).isEmpty();
        assertThat(ImportColumn.inColumnTerms("priceMinVnd must not exceed priceMaxVnd"))
                .isEqualTo("price_min_vnd must not exceed price_max_vnd");
    }

    @Test
    void templateIsReadableAndComplete() {
        String template = ImportTemplate.csv(LocalDate.of(2026, 3, 15));
        assertThat(template).startsWith("\uFEFF" + HEADER);
        ProductRowMapper.Mapped m = ProductRowMapper.map(rows(template).getFirst(), "org", "en");
        assertThat(m.errors()).isEmpty();
        assertThat(m.input().availableMonths()).containsExactly(1, 10, 11, 12);
        assertThat(m.input().certifications()).extracting(CertificationInput::validTo)
                .containsExactly(LocalDate.of(2027, 3, 31), null);
    }
}
