package vn.htxconnect.search.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;

/**
 * Every field of the product search document, named once: its Elasticsearch name is the constant's name in
 * lower case. Each says how it is written from a {@link ProductDocument} and, for the fields a search hit is
 * rebuilt from ({@link #source()}), how it is read back into a {@link Product}. The document writer, the
 * {@code _source} filter, the parsing and the query classes all go through these constants, and a test checks
 * them against {@code search-config/indices/products.json}.
 */
enum ProductField {

    ID(d -> d.product().databaseId(), (b, v) -> b.databaseId(num(v).longValue())),
    ORGANIZATION_ID(d -> d.product().organizationId(), (b, v) -> b.organizationId(num(v).longValue())),
    EXTERNAL_REF(d -> d.product().externalRef(), (b, v) -> b.externalRef((String) v)),
    NAME(d -> d.product().name(), (b, v) -> b.name((String) v)),
    NAME_FOLDED(ProductDocument::nameFolded),
    NAME_UNMARKED(ProductDocument::nameUnmarked),
    DESCRIPTION(d -> d.product().description(), (b, v) -> b.description((String) v)),
    DESCRIPTION_FOLDED(ProductDocument::descriptionFolded),
    CATEGORY_CODE(d -> d.product().categoryCode(), (b, v) -> b.categoryCode((String) v)),
    CATEGORY_PATH(ProductDocument::categoryPath),
    CATEGORY_NAMES(ProductDocument::categoryNames),
    CATEGORY_NAMES_FOLDED(ProductDocument::categoryNamesFolded),
    UNIT(d -> d.product().unit().name(), (b, v) -> b.unit(Unit.valueOf((String) v))),
    PRICE_MIN_VND(d -> d.product().priceMinVnd(), (b, v) -> b.priceMinVnd(longOrNull(v))),
    PRICE_MAX_VND(d -> d.product().priceMaxVnd(), (b, v) -> b.priceMaxVnd(longOrNull(v))),
    MIN_ORDER_QTY(d -> d.product().minOrderQty(), (b, v) -> b.minOrderQty(decimal(v))),
    MONTHLY_CAPACITY(d -> d.product().monthlyCapacity(), (b, v) -> b.monthlyCapacity(decimal(v))),
    MONTHLY_CAPACITY_BASE(ProductDocument::monthlyCapacityBase),
    AVAILABLE_MONTHS(d -> d.product().availableMonths(),
            (b, v) -> b.availableMonths(list(v).stream().map(m -> num(m).intValue()).toList())),
    PROVINCE_CODE(d -> d.product().provinceCode(), (b, v) -> b.provinceCode((String) v)),
    PROVINCE_NAMES(ProductDocument::provinceNames),
    PROVINCE_NAMES_FOLDED(ProductDocument::provinceNamesFolded),
    LOCATION(d -> point(d.product().lat(), d.product().lon()),
            (b, v) -> b.lat(latLon(v, "lat")).lon(latLon(v, "lon"))),
    IMAGE_URLS(d -> d.product().imageUrls(), (b, v) -> b.imageUrls(list(v).stream().map(String.class::cast).toList())),
    STATUS(d -> d.product().status().name(), (b, v) -> b.status(ProductStatus.valueOf((String) v))),
    CERTIFICATIONS(d -> d.product().certifications().stream().map(CertificateField::write).toList(),
            (b, v) -> b.certifications(list(v).stream().map(CertificateField::read).toList())),
    CERTIFICATION_TEXT(ProductDocument::certificationText),
    ORG_NAME(d -> d.organization().name()),
    ORG_NAME_FOLDED(ProductDocument::organizationNameFolded),
    ORG_KIND(d -> d.organization().kind().name()),
    ORG_VERIFIED(d -> d.organization().verified()),
    ORG_PROVINCE_CODE(d -> d.organization().provinceCode()),
    ORG_LOCATION(d -> point(d.organization().lat(), d.organization().lon())),
    SUGGEST(ProductDocument::suggestInputs),
    CREATED_AT(d -> d.product().createdAt().toString(), (b, v) -> b.createdAt(Instant.parse((String) v))),
    UPDATED_AT(d -> d.product().updatedAt().toString(), (b, v) -> b.updatedAt(Instant.parse((String) v))),
    VERSION(d -> d.product().version(), (b, v) -> b.version(num(v).longValue())),
    INDEXED_AT(d -> d.indexedAt().toString());

    private final Function<ProductDocument, Object> writer;
    private final BiConsumer<Product.Builder, Object> reader;

    /** A field only for searching, matching or suggesting: written, never read back from a hit. */
    ProductField(Function<ProductDocument, Object> writer) {
        this(writer, null);
    }

    ProductField(Function<ProductDocument, Object> writer, BiConsumer<Product.Builder, Object> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** The field's name in the index. */
    String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field with a query-time boost, e.g. {@code name_folded^3}. */
    String boosted(double boost) {
        return field() + "^" + (boost == Math.rint(boost) ? String.valueOf((long) boost) : String.valueOf(boost));
    }

    /** A sub-field of a multi-field, e.g. {@code name.shingles}. */
    String sub(String subField) {
        return field() + "." + subField;
    }

    /** Whether a search hit's product is rebuilt from this field. */
    boolean inSource() {
        return reader != null;
    }

    /** The fields a search hit's product is read from: what searches fetch of {@code _source}. */
    static List<String> source() {
        return Arrays.stream(values()).filter(ProductField::inSource).map(ProductField::field).toList();
    }

    /** The document as Elasticsearch takes it; a null value is left out (as good as absent to every query). */
    static Map<String, Object> write(ProductDocument d) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ProductField f : values()) {
            Object value = f.writer.apply(d);
            if (value != null) {
                out.put(f.field(), value);
            }
        }
        return out;
    }

    /** The product of a search hit, from a {@code _source} that holds at least the {@link #source()} fields. */
    static Product read(Map<String, Object> source) {
        Product.Builder b = Product.builder();
        for (ProductField f : values()) {
            if (f.inSource()) {
                Object value = source.get(f.field());
                if (value != null) {
                    f.reader.accept(b, value);
                }
            }
        }
        return b.build();
    }

    /** The fields of each nested certificate. */
    enum CertificateField {
        SCHEME, LABEL, NUMBER, ISSUER, OCOP_STARS, VALID_FROM, VALID_TO;

        /** The name inside a certificate. */
        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The full path for queries, e.g. {@code certifications.scheme}. */
        String path() {
            return CERTIFICATIONS.field() + "." + field();
        }

        static Map<String, Object> write(Certification c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(SCHEME.field(), c.scheme().name());
            m.put(LABEL.field(), c.label());
            m.put(NUMBER.field(), c.number());
            m.put(ISSUER.field(), c.issuer());
            m.put(OCOP_STARS.field(), c.ocopStars());
            m.put(VALID_FROM.field(), c.validFrom() == null ? null : c.validFrom().toString());
            m.put(VALID_TO.field(), c.validTo() == null ? null : c.validTo().toString());
            return m;
        }

        @SuppressWarnings("unchecked")
        static Certification read(Object certificate) {
            Map<String, Object> c = (Map<String, Object>) certificate;
            return new Certification(CertificationScheme.valueOf((String) c.get(SCHEME.field())),
                    (String) c.get(LABEL.field()), (String) c.get(NUMBER.field()), (String) c.get(ISSUER.field()),
                    c.get(OCOP_STARS.field()) == null ? null : num(c.get(OCOP_STARS.field())).intValue(),
                    date(c.get(VALID_FROM.field())), date(c.get(VALID_TO.field())));
        }
    }

    private static Map<String, Object> point(Double lat, Double lon) {
        return lat == null ? null : Map.of("lat", lat, "lon", lon);
    }

    private static List<?> list(Object o) {
        return (List<?>) o;
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : Double.valueOf(String.valueOf(o));
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : num(o).longValue();
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    private static LocalDate date(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }

    private static Double latLon(Object location, String key) {
        return location instanceof Map<?, ?> m && m.get(key) != null ? num(m.get(key)).doubleValue() : null;
    }
}
