package vn.htxconnect.program.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.program.TradeEventInput;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Applies an event's input fields onto the entity and checks the result as a whole (an update that moves
 * only the end date is checked against the stored start). Creating requires kind, name, start and province;
 * an update changes only what it gives. Reports every problem, naming its field.
 */
@Component
class TradeEventValidator {

    /** Longer than any fair; guards against a mistyped year. */
    static final int MAX_DAYS = 31;

    private final ProvinceService provinces;
    private final OrganizationService organizations;

    TradeEventValidator(ProvinceService provinces, OrganizationService organizations) {
        this.provinces = provinces;
        this.organizations = organizations;
    }

    /** A new event: every required field must be given. */
    void applyCreate(TradeEventInput in, TradeEventEntity e, ValidationErrors errors) {
        if (in.kind() == null) {
            errors.add("kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
        }
        e.kind = in.kind();
        e.name = errors.text("name", in.name(), 200, true);
        description(in, e, errors);
        if (in.startsOn() == null) {
            errors.add("startsOn", UserErrorCode.REQUIRED, Message.of("input.required", "startsOn"));
        }
        // A one-day session needs no end date.
        dates(in.startsOn(), in.endsOn() != null ? in.endsOn() : in.startsOn(), true, e, errors);
        place(in, e, province(in.province(), e, errors), errors);
        organiser(in, e, errors);
    }

    /** A change to a stored event: fields left out keep their stored values. */
    void applyUpdate(TradeEventInput in, TradeEventEntity e, ValidationErrors errors) {
        if (in.kind() != null) {
            e.kind = in.kind();
        }
        if (in.name() != null) {
            e.name = errors.text("name", in.name(), 200, true);
        }
        description(in, e, errors);
        // A stored end in the past is history, not a mistake: only an end given now must not be past.
        dates(in.startsOn() != null ? in.startsOn() : e.startsOn, in.endsOn() != null ? in.endsOn() : e.endsOn,
                in.endsOn() != null, e, errors);
        place(in, e, in.province() != null ? province(in.province(), e, errors) : null, errors);
        organiser(in, e, errors);
    }

    private static void description(TradeEventInput in, TradeEventEntity e, ValidationErrors errors) {
        if (in.description() != null) {
            e.description = errors.text("description", in.description(), 4000, false);
        }
    }

    private static void dates(LocalDate starts, LocalDate ends, boolean endMustNotBePast, TradeEventEntity e,
                              ValidationErrors errors) {
        if (starts != null && ends != null) {
            if (ends.isBefore(starts)) {
                errors.add("endsOn", UserErrorCode.INVALID, Message.of("program.event.endsBeforeStarts"));
            } else if (starts.plusDays(MAX_DAYS).isBefore(ends)) {
                errors.add("endsOn", UserErrorCode.OUT_OF_RANGE, Message.of("program.event.tooLong", MAX_DAYS));
            } else if (endMustNotBePast && ends.isBefore(LocalDate.now(VietnamTime.ZONE))) {
                errors.add("endsOn", UserErrorCode.INVALID, Message.of("program.event.endsInPast"));
            }
        }
        e.startsOn = starts;
        e.endsOn = ends;
    }

    /** The province given (required where called), set on the event; null if unknown. */
    private Province province(String given, TradeEventEntity e, ValidationErrors errors) {
        Province province = provinces.resolve(given).orElse(null);
        if (province == null) {
            errors.add("province", given == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("region.province.unknown"));
        } else {
            e.provinceCode = province.code();
        }
        return province;
    }

    /** Address and point; {@code province} is the one just set, if any. */
    private static void place(TradeEventInput in, TradeEventEntity e, Province province, ValidationErrors errors) {
        if (in.address() != null) {
            e.address = errors.text("address", in.address(), 300, false);
        }
        double[] point = errors.point("lat", in.lat(), "lon", in.lon());
        if (point != null) {
            e.lat = point[0];
            e.lon = point[1];
        } else if (province != null && in.lat() == null && in.lon() == null) {
            // No point given: the province's centre stands for it, as for products and delivery points.
            e.lat = province.centroid().lat();
            e.lon = province.centroid().lon();
        }
    }

    private void organiser(TradeEventInput in, TradeEventEntity e, ValidationErrors errors) {
        if (in.organiserOrganizationId() != null) {
            e.organiserOrganizationId = organiser(in.organiserOrganizationId(), errors);
        }
    }

    private Long organiser(String id, ValidationErrors errors) {
        if (id.isBlank()) {
            return null;
        }
        Long dbId = GlobalId.tryDecode(id, Organization.TYPE);
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add("organiserOrganizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
            return null;
        }
        if (!o.active()) {
            errors.add("organiserOrganizationId", UserErrorCode.INVALID, Message.of("organization.archived"));
        }
        return o.databaseId();
    }
}
