package vn.htxconnect.catalog.internal.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.VietnameseText;

/**
 * Reads one CSV row into the {@link ProductInput} the shared product validator checks. It only
 * turns text into values (numbers as Vietnamese spreadsheets write them, month ranges, certificate
 * lists); whether the values are acceptable is the validator's call, as for the GraphQL mutations.
 */
final class ProductRowMapper {

    /** The input to validate, and the cells that could not even be read (the row is then rejected). */
    record Mapped(ProductInput input, List<ProductImportError> errors) {
    }

    /** How a number cell is read: whole đồng, a quantity, or a coordinate. */
    private enum Kind { WHOLE, QUANTITY, COORDINATE }

    private static final Pattern SPACE_GROUPS = Pattern.compile("(?<=\\d)[\\s\\u00A0\\u202F](?=\\d{3}(?:\\D|$))");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    private static final Pattern ONE_GROUP = Pattern.compile("[-+]?[1-9]\\d{0,2}[.,]\\d{3}");
    private static final Pattern CURRENCY = Pattern.compile("\\s*(?:₫|đ|vnđ|vnd|đồng)\\.?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern STARS = Pattern.compile("(\\d{1,2})\\s*(?:★+|\\*|sao|stars?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_TOKEN = Pattern.compile("t?(\\d{1,2})(?:-t?(\\d{1,2}))?");
    private static final Set<String> ALL_YEAR = Set.of("ca nam", "quanh nam", "all year", "all", "year round");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern URL_SEPARATOR = Pattern.compile("[\\s;|]+|,(?=\\s*https?://)");

    private ProductRowMapper() {
    }

    static Mapped map(ProductCsv.Row row, String organizationId, String language) {
        Cells c = new Cells(row, language);
        String ref = c.text(ImportColumn.EXTERNAL_REF);
        if (ref == null) {
            c.error(ImportColumn.EXTERNAL_REF, UserErrorCode.REQUIRED, Message.of("catalog.import.externalRefRequired"));
        }
        if (row.overflows()) {
            c.errors.add(ProductImportError.of(row.number(), null, UserErrorCode.INVALID,
                    Message.of("catalog.import.rowOverflow"),
                    language));
        }
        Long priceMin = c.whole(ImportColumn.PRICE_MIN_VND);
        Long priceMax = c.whole(ImportColumn.PRICE_MAX_VND);
        BigDecimal minOrder = c.number(ImportColumn.MIN_ORDER_QTY, Kind.QUANTITY);
        BigDecimal capacity = c.number(ImportColumn.MONTHLY_CAPACITY, Kind.QUANTITY);
        BigDecimal lat = c.number(ImportColumn.LAT, Kind.COORDINATE);
        BigDecimal lon = c.number(ImportColumn.LON, Kind.COORDINATE);
        ProductInput input = ProductInput.builder().organizationId(organizationId).externalRef(ref)
                .name(c.text(ImportColumn.NAME)).description(c.text(ImportColumn.DESCRIPTION))
                .category(c.text(ImportColumn.CATEGORY)).unit(c.text(ImportColumn.UNIT)).priceMinVnd(priceMin)
                .priceMaxVnd(priceMax).minOrderQty(minOrder).monthlyCapacity(capacity).availableMonths(c.months())
                .certifications(c.certifications()).province(c.text(ImportColumn.PROVINCE))
                .lat(lat == null ? null : lat.doubleValue()).lon(lon == null ? null : lon.doubleValue())
                .imageUrls(c.imageUrls()).build();
        return new Mapped(input, List.copyOf(c.errors));
    }

    /** The cells of one row and the errors found reading them. */
    private static final class Cells {

        private final ProductCsv.Row row;
        private final List<ProductImportError> errors = new ArrayList<>();
        private final String language;

        Cells(ProductCsv.Row row, String language) {
            this.row = row;
            this.language = language;
        }

        void error(ImportColumn column, UserErrorCode code, Message text) {
            errors.add(ProductImportError.of(row.number(), column.header(), code, text, language));
        }

        String text(ImportColumn column) {
            String cell = row.cell(column).strip();
            return cell.isEmpty() ? null : cell;
        }

        Long whole(ImportColumn column) {
            String cell = text(column);
            if (cell == null) {
                return null;
            }
            BigDecimal value = number(column, CURRENCY.matcher(cell).replaceFirst(""), Kind.WHOLE);
            if (value == null) {
                return null;
            }
            try {
                return value.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                boolean fraction = value.stripTrailingZeros().scale() > 0;
                error(column, fraction ? UserErrorCode.INVALID : UserErrorCode.OUT_OF_RANGE, fraction
                        ? Message.of("catalog.import.wholeFraction", column.header(), clip(cell))
                        : Message.of("catalog.import.tooLarge", column.header(), clip(cell)));
                return null;
            }
        }

        BigDecimal number(ImportColumn column, Kind kind) {
            String cell = text(column);
            return cell == null ? null : number(column, cell, kind);
        }

        /**
         * Reads "95000", "95.000", "95 000", "1.234.567", "12,5", "1,234.5", "1.234,5". One separator
         * before exactly three digits is a thousands separator in whole đồng and ambiguous in a quantity
         * ("1.500": 1.5 or 1500?), so a quantity written that way is refused rather than guessed.
         */
        BigDecimal number(ImportColumn column, String cell, Kind kind) {
            String s = SPACE_GROUPS.matcher(cell.strip()).replaceAll("");
            int dot = s.lastIndexOf('.');
            int comma = s.lastIndexOf(',');
            if (dot >= 0 && comma >= 0) {
                char decimal = dot > comma ? '.' : ',';
                char group = decimal == '.' ? ',' : '.';
                String integerPart = s.substring(0, s.lastIndexOf(decimal));
                String groups = "[-+]?\\d{1,3}(?:" + Pattern.quote(String.valueOf(group)) + "\\d{3})+";
                s = kind != Kind.COORDINATE && integerPart.matches(groups)
                        ? s.replace(String.valueOf(group), "").replace(decimal, '.') : "x";
            } else if (dot >= 0 || comma >= 0) {
                char sep = dot >= 0 ? '.' : ',';
                boolean several = s.indexOf(sep) != s.lastIndexOf(sep);
                if (several || (kind == Kind.WHOLE && ONE_GROUP.matcher(s).matches())) {
                    String groups = "[-+]?\\d{1,3}(?:" + Pattern.quote(String.valueOf(sep)) + "\\d{3})+";
                    s = kind != Kind.COORDINATE && s.matches(groups) ? s.replace(String.valueOf(sep), "") : "x";
                } else if (kind == Kind.QUANTITY && ONE_GROUP.matcher(s).matches()) {
                    String decimal = new BigDecimal(s.replace(sep, '.')).stripTrailingZeros().toPlainString();
                    error(column, UserErrorCode.INVALID, Message.of("catalog.import.ambiguous", column.header(), s,
                            s.replace(String.valueOf(sep), ""), decimal));
                    return null;
                } else {
                    s = s.replace(sep, '.');
                }
            }
            if (!DECIMAL.matcher(s).matches()) {
                error(column, UserErrorCode.INVALID, switch (kind) {
                    case WHOLE -> Message.of("catalog.import.notWhole", column.header(), clip(cell));
                    case QUANTITY -> Message.of("catalog.import.notNumber", column.header(), clip(cell));
                    case COORDINATE -> Message.of("catalog.import.notCoordinate", column.header(), clip(cell));
                });
                return null;
            }
            return new BigDecimal(s);
        }

        /** "1-3,11,12", "T1-T3; T11", "11-2" (November to February), empty or "cả năm" for all year. */
        List<Integer> months() {
            String cell = text(ImportColumn.AVAILABLE_MONTHS);
            if (cell == null) {
                return null;
            }
            String folded = VietnameseText.fold(cell).replace("thang", " ").replaceAll("\\s*[-–—]\\s*", "-").strip();
            if (ALL_YEAR.contains(folded)) {
                return null;
            }
            List<Integer> months = new ArrayList<>();
            for (String token : folded.split("[,;/\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                Matcher m = MONTH_TOKEN.matcher(token);
                if (!m.matches()) {
                    error(ImportColumn.AVAILABLE_MONTHS, UserErrorCode.INVALID,
                            Message.of("catalog.import.month", clip(token)));
                    return null;
                }
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                if (from < 1 || from > 12 || to < 1 || to > 12) {
                    months.add(from < 1 || from > 12 ? from : to); // out of range: the validator reports it
                    continue;
                }
                // A season may run over the new year: 11-2 is November to February.
                for (int month = from; ; month = month % 12 + 1) {
                    months.add(month);
                    if (month == to) {
                        break;
                    }
                }
            }
            return months.stream().distinct().sorted().toList();
        }

        /** "VIETGAP:VG-0123:2027-06-30;ORGANIC": scheme[:number[:valid_to[:issuer]]], separated by ";". */
        List<CertificationInput> certifications() {
            Integer stars = ocopStars();
            List<CertificationInput> certs = new ArrayList<>();
            String cell = text(ImportColumn.CERTIFICATIONS);
            for (String item : cell == null ? new String[0] : cell.split("[;|\\n]")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] parts = item.split(":", -1);
                if (parts.length > 4) {
                    error(ImportColumn.CERTIFICATIONS, UserErrorCode.INVALID,
                            Message.of("catalog.import.certificationParts", clip(item.strip())));
                    return null;
                }
                LocalDate validTo = parts.length > 2 ? date(parts[2], item) : null;
                if (parts.length > 2 && !parts[2].isBlank() && validTo == null) {
                    return null;
                }
                String scheme = parts[0].strip();
                boolean ocop = CertificationScheme.parse(scheme) == CertificationScheme.OCOP;
                certs.add(new CertificationInput(scheme, part(parts, 1), part(parts, 3), ocop ? stars : null, null, validTo));
            }
            if (stars != null && certs.stream().noneMatch(x -> CertificationScheme.parse(x.scheme()) == CertificationScheme.OCOP)) {
                certs.add(new CertificationInput(CertificationScheme.OCOP.name(), null, null, stars, null, null));
            }
            return certs;
        }

        private Integer ocopStars() {
            String cell = text(ImportColumn.OCOP_STARS);
            if (cell == null) {
                return null;
            }
            Matcher m = STARS.matcher(cell);
            if (!m.matches()) {
                error(ImportColumn.OCOP_STARS, UserErrorCode.INVALID, Message.of("catalog.import.ocopStars", clip(cell)));
                return null;
            }
            return Integer.parseInt(m.group(1));
        }

        private LocalDate date(String raw, String item) {
            String s = raw.strip();
            if (s.isEmpty()) {
                return null;
            }
            Matcher iso = ISO_DATE.matcher(s);
            Matcher dayFirst = DAY_FIRST_DATE.matcher(s);
            try {
                if (iso.matches()) {
                    return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                }
                if (dayFirst.matches()) {
                    return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                            Integer.parseInt(dayFirst.group(1)));
                }
            } catch (DateTimeException e) {
                // falls through to the error below
            }
            error(ImportColumn.CERTIFICATIONS, UserErrorCode.INVALID,
                    Message.of("catalog.import.certificationDate", clip(s), clip(item.strip())));
            return null;
        }

        List<String> imageUrls() {
            String cell = text(ImportColumn.IMAGE_URLS);
            return cell == null ? List.of() : Arrays.stream(URL_SEPARATOR.split(cell)).filter(u -> !u.isBlank()).toList();
        }

        private static String part(String[] parts, int i) {
            return parts.length > i && !parts[i].isBlank() ? parts[i].strip() : null;
        }
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
