package vn.htxconnect.catalog.internal.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The downloadable CSV template: the header and one realistic example row, with a BOM so Excel
 * opens it as UTF-8. The example certificate's expiry follows today's date, so the example always
 * imports cleanly.
 */
final class ImportTemplate {

    static final String FILE_NAME = "htx-san-pham-mau.csv";

    private ImportTemplate() {
    }

    static String csv(LocalDate today) {
        LocalDate vietGapValidTo = YearMonth.from(today.plusYears(1)).atEndOfMonth();
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
            printer.printRecord("CF-ROBUSTA-01", "Cà phê Robusta Đắk Lắk rang mộc", "Cà phê",
                    "Hạt Robusta hái chín đỏ, phơi giàn, rang mộc không tẩm hương", "kg", 180000, 220000, 20, 5000,
                    "10-12,1", "VIETGAP:VG-DL-0123:" + vietGapValidTo + ";OCOP:OCOP-DL-045", 4, "Đắk Lắk",
                    12.6667, 108.0383, "https://example.com/anh/ca-phe-robusta.jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
