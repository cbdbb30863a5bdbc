package vn.htxconnect.sourcing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.sourcing.SourcingEnums.ConfidentialField;
import vn.htxconnect.sourcing.SourcingEnums.Visibility;
import vn.htxconnect.sourcing.SourcingRequestInput;

/**
 * Applies input fields onto a request and checks the result as a whole (so an update that moves only
 * the window's end is checked against the stored start). Creating requires title, quantity, unit,
 * frequency, delivery province and window; an update changes only what it gives. Reports every problem,
 * naming its field.
 */
@Component
class RequestValidator {

    static final double MAX_DISTANCE_KM = 2000;
    static final int MAX_INVITEES = 100;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    private final CategoryService categories;
    private final ProvinceService provinces;
    private final OrganizationService organizations;

    RequestValidator(CategoryService categories, ProvinceService provinces, OrganizationService organizations) {
        this.categories = categories;
        this.provinces = provinces;
        this.organizations = organizations;
    }

    /** A new request: every required field must be given. */
    void applyCreate(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        title(in, e, errors);
        description(in, e, errors);
        quantity(in, e, errors);
        unit(in, e, errors);
        frequency(in, e, errors);
        delivery(in, e, errors);
        requirements(in, e, errors);
        if (in.windowFrom() == null) {
            errors.add("windowFrom", UserErrorCode.REQUIRED, Message.of("input.required", "windowFrom"));
        }
        if (in.windowTo() == null) {
            errors.add("windowTo", UserErrorCode.REQUIRED, Message.of("input.required", "windowTo"));
        }
        window(in, e, errors);
        audience(in, e, errors);
    }

    /** A change to a stored request: fields left out keep their stored values. */
    void applyUpdate(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.title() != null) {
            title(in, e, errors);
        }
        description(in, e, errors);
        if (in.quantity() != null) {
            quantity(in, e, errors);
        }
        if (in.unit() != null) {
            unit(in, e, errors);
        }
        if (in.frequency() != null) {
            frequency(in, e, errors);
        }
        if (in.deliveryProvince() != null) {
            delivery(in, e, errors);
        } else {
            deliveryPlace(in, e, null, errors);
        }
        requirements(in, e, errors);
        window(in, e, errors);
        audience(in, e, errors);
    }

    private static void title(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        e.title = errors.text("title", in.title(), 200, true);
    }

    /** Details and category, both optional. */
    private void description(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.details() != null) {
            e.details = errors.text("details", in.details(), 4000, false);
        }
        if (in.category() != null) {
            if (in.category().isBlank()) {
                e.categoryCode = null;
            } else {
                categories.resolve(in.category()).ifPresentOrElse(c -> e.categoryCode = c.code(),
                        () -> errors.add("category", UserErrorCode.INVALID, Message.of("catalog.category.unknown")));
            }
        }
    }

    private static void quantity(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.quantity() == null) {
            errors.add("quantity", UserErrorCode.REQUIRED, Message.of("input.required", "quantity"));
        } else if (in.quantity().signum() <= 0 || in.quantity().compareTo(MAX_QUANTITY) > 0) {
            errors.add("quantity", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.quantity.range"));
        } else {
            e.quantity = in.quantity();
        }
    }

    private static void unit(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        Unit unit = Unit.parse(in.unit()).orElse(null);
        if (unit == null) {
            errors.add("unit", in.unit() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("catalog.unit.unknown"));
        } else {
            e.unit = unit;
        }
    }

    private static void frequency(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.frequency() == null) {
            errors.add("frequency", UserErrorCode.REQUIRED, Message.of("input.required", "frequency"));
        } else {
            e.frequency = in.frequency();
        }
    }

    /** What suppliers must meet, all optional: distance, certifications, OCOP stars, price. */
    private static void requirements(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.maxDistanceKm() != null) {
            if (in.maxDistanceKm().isNaN() || in.maxDistanceKm() <= 0 || in.maxDistanceKm() > MAX_DISTANCE_KM) {
                errors.add("maxDistanceKm", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.maxDistance.range"));
            } else {
                e.maxDistanceKm = in.maxDistanceKm();
            }
        }
        if (in.certifications() != null && in.certifications().contains(CertificationScheme.OTHER)) {
            // OTHER stands for any scheme outside the list: requiring it would require nothing in particular.
            errors.add("certifications", UserErrorCode.INVALID,
                    Message.of("sourcing.certification.otherRequired"));
        } else if (in.certifications() != null) {
            e.certifications = in.certifications().isEmpty() ? null : in.certifications().stream().distinct()
                    .map(CertificationScheme::name).collect(Collectors.joining(","));
        }
        if (in.minOcopStars() != null) {
            if (in.minOcopStars() < 1 || in.minOcopStars() > 5) {
                errors.add("minOcopStars", UserErrorCode.OUT_OF_RANGE, Message.of("input.range", "minOcopStars", 1, 5));
            } else {
                e.minOcopStars = in.minOcopStars();
            }
        }
        if (in.targetMaxPriceVnd() != null) {
            if (in.targetMaxPriceVnd() <= 0) {
                errors.add("targetMaxPriceVnd", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.targetPrice.positive"));
            } else {
                e.targetMaxPriceVnd = in.targetMaxPriceVnd();
            }
        }
    }

    /** Who sees the request and what it hides, and whether only verified suppliers may answer. */
    private void audience(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        visibility(in, e, errors);
        if (in.confidentialFields() != null) {
            e.confidentialFields = in.confidentialFields().isEmpty() ? null : in.confidentialFields().stream().distinct()
                    .map(ConfidentialField::name).collect(Collectors.joining(","));
        }
        if (in.verifiedSuppliersOnly() != null) {
            e.verifiedSuppliersOnly = in.verifiedSuppliersOnly();
        }
    }

    /** The delivery province given (required where called); an unknown one leaves address and point alone. */
    private void delivery(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        Province province = provinces.resolve(in.deliveryProvince()).orElse(null);
        if (province == null) {
            errors.add("deliveryProvince", in.deliveryProvince() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("region.province.unknown"));
            return;
        }
        e.deliveryProvinceCode = province.code();
        deliveryPlace(in, e, province, errors);
    }

    /** Address and point; {@code province} is the one just set, if any. */
    private static void deliveryPlace(SourcingRequestInput in, SourcingRequestEntity e, Province province, ValidationErrors errors) {
        if (in.deliveryAddress() != null) {
            e.deliveryAddress = errors.text("deliveryAddress", in.deliveryAddress(), 300, false);
        }
        if (in.deliveryLat() != null || in.deliveryLon() != null) {
            double[] point = errors.point("deliveryLat", in.deliveryLat(), "deliveryLon", in.deliveryLon());
            if (point != null) {
                e.deliveryLat = point[0];
                e.deliveryLon = point[1];
            }
        } else if (province != null) {
            // No point given: the province's centre stands for it, as for products.
            e.deliveryLat = province.centroid().lat();
            e.deliveryLon = province.centroid().lon();
        }
    }

    /** The supply window (given values over stored ones) and until when offers are taken. */
    private static void window(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        LocalDate from = in.windowFrom() != null ? in.windowFrom() : e.windowFrom;
        LocalDate to = in.windowTo() != null ? in.windowTo() : e.windowTo;
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add("windowTo", UserErrorCode.INVALID, Message.of("sourcing.window.toBeforeFrom"));
            } else if (in.windowTo() != null && to.isBefore(today)) {
                errors.add("windowTo", UserErrorCode.INVALID, Message.of("sourcing.window.toPast"));
            } else if (from.plusYears(3).isBefore(to)) {
                errors.add("windowTo", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.window.tooLong", 3));
            }
        }
        e.windowFrom = from;
        e.windowTo = to;
        Instant windowEnd = to == null ? null : to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        if (in.expiresAt() != null) {
            if (!in.expiresAt().isAfter(Instant.now())) {
                errors.add("expiresAt", UserErrorCode.INVALID, Message.of("sourcing.expiresAt.past"));
            } else if (windowEnd != null && in.expiresAt().isAfter(windowEnd)) {
                errors.add("expiresAt", UserErrorCode.INVALID, Message.of("sourcing.expiresAt.afterWindow"));
            } else {
                e.expiresAt = in.expiresAt();
            }
        } else if (windowEnd != null && (e.expiresAt == null || e.expiresAt.isAfter(windowEnd))) {
            // By default offers are taken until the window closes.
            e.expiresAt = windowEnd;
        }
    }

    private void visibility(SourcingRequestInput in, SourcingRequestEntity e, ValidationErrors errors) {
        if (in.visibility() != null) {
            e.visibility = in.visibility();
        }
        if (in.invitedOrganizationIds() != null) {
            if (in.invitedOrganizationIds().size() > MAX_INVITEES) {
                errors.add("invitedOrganizationIds", UserErrorCode.OUT_OF_RANGE,
                        Message.of("sourcing.invited.tooMany", 100));
                return;
            }
            Set<Long> ids = new LinkedHashSet<>();
            for (int i = 0; i < in.invitedOrganizationIds().size(); i++) {
                Long id = GlobalId.tryDecode(in.invitedOrganizationIds().get(i), Organization.TYPE);
                if (id == null) {
                    errors.add("invitedOrganizationIds[" + i + "]", UserErrorCode.INVALID,
                            Message.of("sourcing.invited.notOrganization"));
                } else {
                    ids.add(id);
                }
            }
            Map<Long, Organization> found = organizations.findByIds(ids);
            List<Long> list = List.copyOf(ids);
            for (int i = 0; i < list.size(); i++) {
                if (!found.containsKey(list.get(i))) {
                    errors.add("invitedOrganizationIds", UserErrorCode.NOT_FOUND, Message.of("sourcing.invited.notFound"));
                    break;
                }
            }
            e.invitedOrganizationIds.clear();
            e.invitedOrganizationIds.addAll(ids);
        }
        if (e.visibility == Visibility.INVITED && e.invitedOrganizationIds.isEmpty()) {
            errors.add("invitedOrganizationIds", UserErrorCode.REQUIRED, Message.of("sourcing.invited.none"));
        }
    }
}
