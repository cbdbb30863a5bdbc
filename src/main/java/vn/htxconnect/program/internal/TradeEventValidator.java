package vn.htxconnect.program.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventInput;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Applies an event's input fields onto the entity and checks the result as a whole (an update that moves
 * only the end date is checked against the stored start). Reports every problem, naming its field.
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

    void apply(TradeEventInput in, TradeEventEntity e, boolean creating, ValidationErrors errors) {
        if (creating || in.kind() != null) {
            if (in.kind() == null) {
                errors.add("kind", UserErrorCode.REQUIRED, "kind is required");
            }
            e.kind = in.kind();
        }
        if (creating || in.name() != null) {
            e.name = errors.text("name", in.name(), 200, true);
        }
        if (in.description() != null) {
            e.description = errors.text("description", in.description(), 4000, false);
        }
        dates(in, e, creating, errors);
        place(in, e, creating, errors);
        if (in.organiserOrganizationId() != null) {
            e.organiserOrganizationId = organiser(in.organiserOrganizationId(), errors);
        }
    }

    private static void dates(TradeEventInput in, TradeEventEntity e, boolean creating, ValidationErrors errors) {
        if (creating && in.startsOn() == null) {
            errors.add("startsOn", UserErrorCode.REQUIRED, "startsOn is required");
        }
        LocalDate starts = in.startsOn() != null ? in.startsOn() : e.startsOn;
        // A one-day session needs no end date.
        LocalDate ends = in.endsOn() != null ? in.endsOn() : creating ? starts : e.endsOn;
        if (starts != null && ends != null) {
            if (ends.isBefore(starts)) {
                errors.add("endsOn", UserErrorCode.INVALID, "endsOn must not be before startsOn");
            } else if (starts.plusDays(MAX_DAYS).isBefore(ends)) {
                errors.add("endsOn", UserErrorCode.OUT_OF_RANGE, "An event may last at most " + MAX_DAYS + " days");
            } else if ((creating || in.endsOn() != null) && ends.isBefore(LocalDate.now(TradeEvent.ZONE))) {
                errors.add("endsOn", UserErrorCode.INVALID, "endsOn must not be in the past");
            }
        }
        e.startsOn = starts;
        e.endsOn = ends;
    }

    private void place(TradeEventInput in, TradeEventEntity e, boolean creating, ValidationErrors errors) {
        Province province = null;
        if (creating || in.province() != null) {
            province = provinces.resolve(in.province()).orElse(null);
            if (province == null) {
                errors.add("province", in.province() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID, "Unknown province");
            } else {
                e.provinceCode = province.code();
            }
        }
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

    private Long organiser(String id, ValidationErrors errors) {
        if (id.isBlank()) {
            return null;
        }
        Long dbId = GlobalId.tryDecode(id, Organization.TYPE);
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add("organiserOrganizationId", UserErrorCode.NOT_FOUND, "No organization with this ID");
            return null;
        }
        if (!o.active()) {
            errors.add("organiserOrganizationId", UserErrorCode.INVALID, "The organization is archived");
        }
        return o.databaseId();
    }
}
