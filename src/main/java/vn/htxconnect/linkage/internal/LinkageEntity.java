package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.linkage.LinkageEnums.Period;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.platform.Timestamped;

@Entity
@Table(name = "supply_linkage")
class LinkageEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "supplier_org_id", nullable = false)
    long supplierOrganizationId;

    @Column(name = "customer_org_id", nullable = false)
    long customerOrganizationId;

    Long productId;

    @Column(nullable = false)
    String categoryCode;

    @Column(nullable = false)
    String supplierProvinceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Stage supplierStage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Stage customerStage;

    @Column(nullable = false)
    BigDecimal volumePerPeriod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Period period;

    Long pricePerUnitVnd;

    String priceTerms;

    @Column(nullable = false)
    LocalDate startDate;

    LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Origin origin;

    String originRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    Instant supplierConfirmedAt;

    Instant customerConfirmedAt;

    Instant activatedAt;

    @Column(nullable = false)
    BigDecimal deliveredQuantity = BigDecimal.ZERO;

    Instant lastEventAt;

    Long proposedByUserId;

    @Version
    long version;

    Linkage toView() {
        return new Linkage(id, supplierOrganizationId, customerOrganizationId, productId, categoryCode, supplierProvinceCode,
                supplierStage, customerStage, volumePerPeriod.doubleValue(), unit, period, pricePerUnitVnd, priceTerms,
                startDate, endDate, origin, originRef, status, supplierConfirmedAt, customerConfirmedAt, activatedAt,
                deliveredQuantity.doubleValue(), lastEventAt, createdAt, updatedAt, version);
    }
}
