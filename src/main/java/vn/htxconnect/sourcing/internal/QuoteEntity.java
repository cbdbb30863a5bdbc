package vn.htxconnect.sourcing.internal;

import java.math.BigDecimal;
import java.time.Instant;

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
import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingEnums.QuoteStatus;

@Entity
@Table(name = "quote")
class QuoteEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    long requestId;

    @Column(nullable = false)
    long supplierOrganizationId;

    @Column(nullable = false)
    long buyerOrganizationId;

    Long productId;

    @Column(nullable = false)
    long pricePerUnitVnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Unit unit;

    @Column(nullable = false)
    BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Frequency frequency;

    String deliveryTerms;

    @Column(nullable = false)
    Instant validUntil;

    String note;

    /** SENT, ACCEPTED, DECLINED or WITHDRAWN; never EXPIRED (see {@link #status(Instant)}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    QuoteStatus status = QuoteStatus.SENT;

    String decisionReason;
    Instant decidedAt;
    Long decidedByUserId;
    Long createdByUserId;
    Long conversationId;

    @Version
    long version;

    /** The status as shown at {@code now}: a SENT quote past its validity is EXPIRED. */
    QuoteStatus status(Instant now) {
        return status == QuoteStatus.SENT && !validUntil.isAfter(now) ? QuoteStatus.EXPIRED : status;
    }

    Quote toView() {
        return new Quote(id, requestId, supplierOrganizationId, buyerOrganizationId, productId, pricePerUnitVnd, unit,
                quantity, frequency, deliveryTerms, validUntil, note, status(Instant.now()), decisionReason, decidedAt,
                decidedByUserId, createdByUserId, conversationId, createdAt, updatedAt, version);
    }
}
