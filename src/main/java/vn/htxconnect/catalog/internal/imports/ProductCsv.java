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

import vn.htxconnect.platform.Message;
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
    private final List<Message> warnings;
    private final int rowCount;

    private ProductCsv(String text, CSVFormat format, int[] indexOf, int headerCells, List<Message> warnings,
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
            throw fileError(Message.of("catalog.import.utf16"));
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw fileError(Message.of("catalog.import.workbook"));
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
                    Message.of("catalog.import.notUtf8", line, in.position() + 1));
        }
        return out.flip().toString();
    }

    /**
     * Checks the header and counts the rows; refuses the file when anything is wrong with it as a whole.
     * {@code overLimitHint} tells the user what to do with a file of more than {@code maxRows} rows.
     */
    static ProductCsv read(String raw, int maxRows, Message overLimitHint) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (text.isBlank()) {
            throw fileError(Message.of("catalog.import.empty"));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
        List<Message> warnings = new ArrayList<>();
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
                            (int) record.getRecordNumber(),
                                    Message.of("catalog.import.tooManyRows", maxRows, overLimitHint));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows == 0) {
            throw fileError(Message.of("catalog.import.noRows"));
        }
        return new ProductCsv(text, format, indexOf, headerCells, List.copyOf(warnings), rows);
    }

    /** Product rows, not counting the header or empty rows. */
    int rowCount() {
        return rowCount;
    }

    /** Remarks about the file that did not stop the import (e.g. ignored columns). */
    List<Message> warnings() {
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

    private static void header(CSVRecord header, int[] indexOf, List<Message> warnings) {
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
                        Message.of("catalog.import.columnTwice", column.header()));
            } else {
                indexOf[column.ordinal()] = i;
            }
        }
        List<String> missing = Arrays.stream(ImportColumn.values()).filter(c -> !seen.containsKey(c))
                .map(ImportColumn::header).toList();
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing);
            // Without one known column the first row is probably not the header at all.
            Message text = missing.size() > 1
                    ? seen.isEmpty() ? Message.of("catalog.import.missingColumnsNoHeader", names, allColumns())
                            : Message.of("catalog.import.missingColumns", names, allColumns())
                    : seen.isEmpty() ? Message.of("catalog.import.missingColumnNoHeader", names, allColumns())
                            : Message.of("catalog.import.missingColumn", names, allColumns());
            throw new ImportRejectedException(UserErrorCode.REQUIRED, ImportRejectedException.FILE,
                    String.join(",", missing), 1, text);
        }
        if (!unknown.isEmpty()) {
            warnings.add(unknown.size() > 1 ? Message.of("catalog.import.ignoredColumns", String.join(", ", unknown))
                    : Message.of("catalog.import.ignoredColumn", unknown.getFirst()));
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
                    Message.of("catalog.import.malformed", row));
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

    private static ImportRejectedException fileError(Message text) {
        return new ImportRejectedException(UserErrorCode.INVALID, ImportRejectedException.FILE, null, null, text);
    }
}
