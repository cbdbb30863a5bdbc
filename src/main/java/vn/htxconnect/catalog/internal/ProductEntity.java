package vn.htxconnect.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
