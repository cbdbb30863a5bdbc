package vn.htxconnect.program.internal;

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

import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Kind;

@Entity
@Table(name = "trade_event")
class TradeEventEntity extends Timestamped {

    /** Stored states; upcoming, ongoing and past follow from the dates. */
    enum Stored { PLANNED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    @Column(nullable = false)
    String name;

    String description;

    @Column(nullable = false)
    LocalDate startsOn;

    @Column(nullable = false)
    LocalDate endsOn;

    @Column(nullable = false)
    String provinceCode;

    String address;

    @Column(nullable = false)
    double lat;

    @Column(nullable = false)
    double lon;

    @Column(name = "organiser_org_id")
    Long organiserOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Stored status = Stored.PLANNED;

    String cancelReason;

    Long createdByUserId;

    @Version
    long version;

    TradeEvent toView() {
        return new TradeEvent(id, kind, name, description, startsOn, endsOn, provinceCode, address, lat, lon,
                organiserOrganizationId, status == Stored.CANCELLED, cancelReason, createdByUserId, createdAt, updatedAt,
                version);
    }
}
