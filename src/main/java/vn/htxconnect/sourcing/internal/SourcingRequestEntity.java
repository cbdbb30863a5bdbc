package vn.htxconnect.sourcing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.Status;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequest;

@Entity
@Table(name = "sourcing_request")
class SourcingRequestEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long buyerOrganizationId;

    Long createdByUserId;

    @Column(nullable = false)
    String title;

    @Column(columnDefinition = "text")
    String details;

    String categoryCode;

    @Column(nullable = false)
    BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Frequency frequency;

    @Column(nullable = false)
    String deliveryProvinceCode;

    String deliveryAddress;

    @Column(nullable = false)
    double deliveryLat;

    @Column(nullable = false)
    double deliveryLon;

    Double maxDistanceKm;

    /** Comma-separated scheme names (a handful at most). */
    String certifications;

    Integer minOcopStars;
    Long targetMaxPriceVnd;

    @Column(nullable = false)
    LocalDate windowFrom;

    @Column(nullable = false)
    LocalDate windowTo;

    @Column(nullable = false)
    Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status = Status.OPEN;

    String statusReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Visibility visibility = Visibility.PUBLIC;

    /** Comma-separated field names. */
    String confidentialFields;

    @Column(nullable = false)
    boolean verifiedSuppliersOnly;

    // Loaded for a whole page in one extra statement, not one per request.
    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "sourcing_request_invitee", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "organization_id")
    Set<Long> invitedOrganizationIds = new LinkedHashSet<>();



    @Version
    long version;

    List<CertificationScheme> schemes() {
        return certifications == null || certifications.isBlank() ? List.of()
                : Arrays.stream(certifications.split(",")).map(CertificationScheme::valueOf).toList();
    }

    Set<ConfidentialField> confidential() {
        Set<ConfidentialField> out = EnumSet.noneOf(ConfidentialField.class);
        if (confidentialFields != null && !confidentialFields.isBlank()) {
            Arrays.stream(confidentialFields.split(",")).map(ConfidentialField::valueOf).forEach(out::add);
        }
        return out;
    }

    SourcingRequest toView() {
        return new SourcingRequest(id, buyerOrganizationId, title, details, categoryCode, quantity, unit, frequency,
                deliveryProvinceCode, deliveryAddress, deliveryLat, deliveryLon, maxDistanceKm, schemes(), minOcopStars,
                targetMaxPriceVnd, windowFrom, windowTo, expiresAt, status, statusReason, visibility,
                new ArrayList<>(invitedOrganizationIds), Set.copyOf(confidential()), verifiedSuppliersOnly, createdAt,
                updatedAt, version);
    }
}
