package vn.htxconnect.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;

@Entity
@Table(name = "product")
class ProductEntity extends Timestamped {

    static final int ALL_MONTHS = 0xFFF;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long organizationId;

    String externalRef;

    @Column(nullable = false)
    String name;

    @Column(columnDefinition = "text")
    String description;

    String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Unit unit;

    Long priceMinVnd;
    Long priceMaxVnd;
    BigDecimal minOrderQty;
    BigDecimal monthlyCapacity;

    /** Bit i (0 = January) set when the product is available that month. */
    @Column(nullable = false)
    int availableMonths = ALL_MONTHS;

    String provinceCode;
    Double lat;
    Double lon;

    @Column(columnDefinition = "text")
    String imageUrls;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ProductStatus status = ProductStatus.ACTIVE;

    @ElementCollection
    @CollectionTable(name = "product_certification", joinColumns = @JoinColumn(name = "product_id"))
    List<CertificationEmbeddable> certifications = new ArrayList<>();

    @Version
    long version;

    static int monthsMask(List<Integer> months) {
        return months.stream().mapToInt(m -> 1 << (m - 1)).reduce(0, (a, b) -> a | b);
    }

    List<Integer> monthList() {
        return IntStream.rangeClosed(1, 12).filter(m -> (availableMonths & (1 << (m - 1))) != 0).boxed().toList();
    }

    /**
     * The fields the seller writes (all an import row carries; not the ID, owner, status or times), each named
     * once: an import compares and copies them together. The certificates come after them in both.
     */
    private static final List<ListingField<?>> LISTING = List.of(
            field(e -> e.externalRef, (e, v) -> e.externalRef = v),
            field(e -> e.name, (e, v) -> e.name = v),
            field(e -> e.description, (e, v) -> e.description = v),
            field(e -> e.categoryCode, (e, v) -> e.categoryCode = v),
            field(e -> e.unit, (e, v) -> e.unit = v),
            field(e -> e.priceMinVnd, (e, v) -> e.priceMinVnd = v),
            field(e -> e.priceMaxVnd, (e, v) -> e.priceMaxVnd = v),
            field(e -> e.minOrderQty, (e, v) -> e.minOrderQty = v, ProductEntity::sameNumber),
            field(e -> e.monthlyCapacity, (e, v) -> e.monthlyCapacity = v, ProductEntity::sameNumber),
            field(e -> e.availableMonths, (e, v) -> e.availableMonths = v),
            field(e -> e.provinceCode, (e, v) -> e.provinceCode = v),
            field(e -> e.lat, (e, v) -> e.lat = v),
            field(e -> e.lon, (e, v) -> e.lon = v),
            // No images are stored as null or as an empty text alike.
            field(e -> e.imageUrls, (e, v) -> e.imageUrls = v, (a, b) -> Objects.equals(a == null ? "" : a, b == null ? "" : b)));

    private record ListingField<T>(Function<ProductEntity, T> get, BiConsumer<ProductEntity, T> set,
                                   BiPredicate<T, T> same) {

        boolean same(ProductEntity a, ProductEntity b) {
            return same.test(get.apply(a), get.apply(b));
        }

        void copy(ProductEntity from, ProductEntity to) {
            set.accept(to, get.apply(from));
        }
    }

    private static <T> ListingField<T> field(Function<ProductEntity, T> get, BiConsumer<ProductEntity, T> set) {
        return new ListingField<>(get, set, Objects::equals);
    }

    private static <T> ListingField<T> field(Function<ProductEntity, T> get, BiConsumer<ProductEntity, T> set,
                                             BiPredicate<T, T> same) {
        return new ListingField<>(get, set, same);
    }

    /** True when {@code other} lists the same as this product: a re-import of it would change nothing. */
    boolean sameListing(ProductEntity other) {
        return LISTING.stream().allMatch(f -> f.same(this, other)) && sameCertifications(other);
    }

    /** Takes over what {@code from} lists, keeping this product's ID, owner, status and times. */
    void copyListing(ProductEntity from) {
        LISTING.forEach(f -> f.copy(from, this));
        if (!sameCertifications(from)) {
            // Replacing an unchanged collection would rewrite its rows and bump the version for nothing.
            certifications.clear();
            certifications.addAll(from.certifications);
        }
    }

    private boolean sameCertifications(ProductEntity other) {
        return certifications.stream().map(CertificationEmbeddable::toView).toList()
                .equals(other.certifications.stream().map(CertificationEmbeddable::toView).toList());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The columns {@link #fromRow} reads. */
    static final String COLUMNS = "id, organization_id, external_ref, name, description, category_code, unit, price_min_vnd, "
            + "price_max_vnd, min_order_qty, monthly_capacity, available_months, province_code, lat, lon, image_urls, "
            + "status, created_at, updated_at, version";

    /**
     * A product row read with plain SQL ({@link #COLUMNS}, certificates not included): for reads of many products
     * that change none. Times are stored in UTC (hibernate.jdbc.time_zone).
     */
    static ProductEntity fromRow(ResultSet rs) throws SQLException {
        ProductEntity e = new ProductEntity();
        e.id = rs.getLong("id");
        e.organizationId = rs.getLong("organization_id");
        e.externalRef = rs.getString("external_ref");
        e.name = rs.getString("name");
        e.description = rs.getString("description");
        e.categoryCode = rs.getString("category_code");
        e.unit = Unit.valueOf(rs.getString("unit"));
        e.priceMinVnd = rs.getObject("price_min_vnd", Long.class);
        e.priceMaxVnd = rs.getObject("price_max_vnd", Long.class);
        e.minOrderQty = rs.getBigDecimal("min_order_qty");
        e.monthlyCapacity = rs.getBigDecimal("monthly_capacity");
        e.availableMonths = rs.getInt("available_months");
        e.provinceCode = rs.getString("province_code");
        e.lat = rs.getObject("lat", Double.class);
        e.lon = rs.getObject("lon", Double.class);
        e.imageUrls = rs.getString("image_urls");
        e.status = ProductStatus.valueOf(rs.getString("status"));
        e.createdAt = utc(rs, "created_at");
        e.updatedAt = utc(rs, "updated_at");
        e.version = rs.getLong("version");
        return e;
    }

    private static Instant utc(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** The one mapping from a stored product to the API's {@link Product}. */
    Product toView() {
        List<String> images = imageUrls == null || imageUrls.isBlank() ? List.of() : Arrays.asList(imageUrls.split("\n"));
        return Product.builder().databaseId(id).organizationId(organizationId).externalRef(externalRef).name(name)
                .description(description).categoryCode(categoryCode).unit(unit).priceMinVnd(priceMinVnd)
                .priceMaxVnd(priceMaxVnd).minOrderQty(minOrderQty).monthlyCapacity(monthlyCapacity)
                .availableMonths(monthList()).provinceCode(provinceCode).lat(lat).lon(lon).imageUrls(images)
                .status(status).certifications(certifications.stream().map(CertificationEmbeddable::toView).toList())
                .createdAt(createdAt).updatedAt(updatedAt).version(version).build();
    }
}
