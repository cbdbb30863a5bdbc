package vn.htxconnect.catalog.internal.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a product CSV, in template order, with the {@code ProductInput} field each one
 * fills, so the validator's errors (which name input fields) can be reported by column.
 */
enum ImportColumn {
    EXTERNAL_REF("externalRef"), NAME("name"), CATEGORY("category"), DESCRIPTION("description"), UNIT("unit"),
    PRICE_MIN_VND("priceMinVnd"), PRICE_MAX_VND("priceMaxVnd"), MIN_ORDER_QTY("minOrderQty"),
    MONTHLY_CAPACITY("monthlyCapacity"), AVAILABLE_MONTHS("availableMonths"), CERTIFICATIONS("certifications"),
    OCOP_STARS("ocopStars"), PROVINCE("province"), LAT("lat"), LON("lon"), IMAGE_URLS("imageUrls");

    private static final Map<String, ImportColumn> BY_HEADER =
            Arrays.stream(values()).collect(Collectors.toMap(ImportColumn::header, Function.identity()));
    private static final Map<String, ImportColumn> BY_FIELD =
            Arrays.stream(values()).collect(Collectors.toMap(c -> c.field, Function.identity()));

    private final String field;

    ImportColumn(String field) {
        this.field = field;
    }

    /** The column's name in the header row, e.g. {@code price_min_vnd}. */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column a header cell names: case, surrounding spaces and space-for-underscore are forgiven. */
    static Optional<ImportColumn> ofHeader(String cell) {
        String key = cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Optional.ofNullable(BY_HEADER.get(key));
    }

    /**
     * The column a validator field path points at: {@code certifications[2].ocopStars} is the
     * {@code ocop_stars} column, any other certificate problem the {@code certifications} column.
     */
    static Optional<ImportColumn> ofField(String field) {
        if (field == null) {
            return Optional.empty();
        }
        if (field.startsWith("certifications")) {
            return Optional.of(field.endsWith(".ocopStars") ? OCOP_STARS : CERTIFICATIONS);
        }
        return Optional.ofNullable(BY_FIELD.get(field));
    }

    /** Rewrites input field names in a validator message as column names ("priceMinVnd" → "price_min_vnd"). */
    static String inColumnTerms(String message) {
        String out = message;
        for (ImportColumn c : values()) {
            if (!c.field.equals(c.header())) {
                out = out.replace(c.field, c.header());
            }
        }
        return out;
    }
}
