package vn.htxconnect.catalog.internal.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.htxconnect.platform.UserErrorCode;

/**
 * A product CSV checked as a whole before anything is written: UTF-8 (with or without BOM), comma,
 * semicolon or tab separated (whichever the header row uses), every column present, quoting well
 * formed, between 1 and {@code maxRows} product rows. Rows are numbered as a spreadsheet shows them:
 * the header is row 1. Rows whose cells are all empty (spreadsheets export them) are skipped.
 */
final class ProductCsv {

    private final String text;
    private final CSVFormat format;
    private final int[] indexOf;
    private final int headerCells;
    private final List<String> warnings;
    private final int rowCount;

    private ProductCsv(String text, CSVFormat format, int[] indexOf, int headerCells, List<String> warnings,
                       int rowCount) {
        this.text = text;
        this.format = format;
        this.indexOf = indexOf;
        this.headerCells = headerCells;
        this.warnings = warnings;
        this.rowCount = rowCount;
    }

    /**
     * One product row: its spreadsheet row number, its cells by column ("" when absent), and whether it
     * has more cells than the header (one empty trailing cell aside), the mark of an unquoted separator.
     */
    record Row(int number, String[] cells, boolean overflows) {

        String cell(ImportColumn column) {
            return cells[column.ordinal()];
        }
    }

    /** Decodes an uploaded file as strict UTF-8; anything else is refused with how to fix it. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw fileError("The file is UTF-16 (Excel \"Unicode Text\"), not UTF-8: save it as \"CSV UTF-8\"");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw fileError("This is a spreadsheet workbook (.xlsx/.ods), not a CSV file: save it as \"CSV UTF-8\"");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ImportRejectedException(UserErrorCode.INVALID, ImportRejectedException.FILE, null, line,
                    "The file is not UTF-8 (first bad byte on line " + line + ", byte " + (in.position() + 1)
                            + "); save it as \"CSV UTF-8\" (Excel: File → Save As → CSV UTF-8)");
        }
        return out.flip().toString();
    }

    /**
     * Checks the header and counts the rows; refuses the file when anything is wrong with it as a whole.
     * {@code overLimitHint} tells the user what to do with a file of more than {@code maxRows} rows.
     */
    static ProductCsv read(String raw, int maxRows, String overLimitHint) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (text.isBlank()) {
            throw fileError("The file is empty: it needs a header row and at least one product row");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
        List<String> warnings = new ArrayList<>();
        int[] indexOf = new int[ImportColumn.values().length];
        Arrays.fill(indexOf, -1);
        int headerCells;
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = next(records, parser);
            headerCells = header.size();
            header(header, indexOf, warnings);
            while (true) {
                CSVRecord record = next(records, parser);
                if (record == null) {
                    break;
                }
                if (!blank(record) && ++rows > maxRows) {
                    throw new ImportRejectedException(UserErrorCode.OUT_OF_RANGE, ImportRejectedException.FILE, null,
                            (int) record.getRecordNumber(), "The file has more than " + maxRows
                            + " product rows; " + overLimitHint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows == 0) {
            throw fileError("The file has a header row but no product rows");
        }
        return new ProductCsv(text, format, indexOf, headerCells, List.copyOf(warnings), rows);
    }

    /** Product rows, not counting the header or empty rows. */
    int rowCount() {
        return rowCount;
    }

    /** Remarks about the file that did not stop the import (e.g. ignored columns). */
    List<String> warnings() {
        return warnings;
    }

    /** Streams the product rows in file order (the file was checked by {@link #read}). */
    void forEachRow(Consumer<Row> action) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            records.next();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!blank(record)) {
                    action.accept(row(record));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row row(CSVRecord record) {
        String[] cells = new String[indexOf.length];
        for (int c = 0; c < indexOf.length; c++) {
            cells[c] = indexOf[c] < record.size() ? record.get(indexOf[c]) : "";
        }
        int extra = record.size() - headerCells;
        boolean overflows = extra > 1 || (extra == 1 && !record.get(headerCells).isBlank());
        return new Row((int) record.getRecordNumber(), cells, overflows);
    }

    private static void header(CSVRecord header, int[] indexOf, List<String> warnings) {
        Map<ImportColumn, Integer> seen = new EnumMap<>(ImportColumn.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                continue;
            }
            ImportColumn column = ImportColumn.ofHeader(name).orElse(null);
            if (column == null) {
                unknown.add(name.strip());
            } else if (seen.putIfAbsent(column, i) != null) {
                throw new ImportRejectedException(UserErrorCode.DUPLICATE, ImportRejectedException.FILE, column.header(), 1,
                        "Column " + column.header() + " appears twice in the header row");
            } else {
                indexOf[column.ordinal()] = i;
            }
        }
        List<String> missing = Arrays.stream(ImportColumn.values()).filter(c -> !seen.containsKey(c))
                .map(ImportColumn::header).toList();
        if (!missing.isEmpty()) {
            String hint = seen.isEmpty() ? " (the first row must be the header row: download the template)" : "";
            throw new ImportRejectedException(UserErrorCode.REQUIRED, ImportRejectedException.FILE,
                    String.join(",", missing), 1, "Missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + hint + "; the header row must name all of: " + allColumns());
        }
        if (!unknown.isEmpty()) {
            warnings.add("Ignored column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + ": not a product column");
        }
    }

    static String allColumns() {
        return String.join(",", Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
    }

    private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
            int row = (int) parser.getRecordNumber() + 1;
            throw new ImportRejectedException(UserErrorCode.INVALID, ImportRejectedException.FILE, null, row,
                    "Malformed CSV at row " + row + ": a quoted cell is not closed, or a closing quote is followed "
                            + "by other text; a quote inside a quoted cell must be doubled (\"\")");
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator the header row uses most, outside quotes: comma, semicolon or tab. */
    private static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted) {
                commas += ch == ',' ? 1 : 0;
                semicolons += ch == ';' ? 1 : 0;
                tabs += ch == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    private static ImportRejectedException fileError(String message) {
        return new ImportRejectedException(UserErrorCode.INVALID, ImportRejectedException.FILE, null, null, message);
    }
}
