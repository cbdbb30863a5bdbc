package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * The field checks every supply event write shares (recording and correcting alike): quantities, lot
 * numbers, units, when and where. Each reports a problem under the field it is given; a value that fails
 * its check comes back null.
 */
@Component
class SupplyEventChecks {

    /** Clocks of phones in the field run a little ahead; later than this is the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final double MAX_QUANTITY = 1e9;
    static final int MAX_LOTS = 50;
    static final int MAX_LOT_NUMBER = 100;

    private final ProvinceService provinces;

    SupplyEventChecks(ProvinceService provinces) {
        this.provinces = provinces;
    }

    /** Where and when, checked. */
    record Details(OffsetDateTime occurredAt, String place, String provinceCode, Double lat, Double lon, String note) {
    }

    static void open(LinkageEntity l, String field, ValidationErrors errors) {
        if (l.status != Status.ACTIVE && l.status != Status.SUSPENDED) {
            errors.add(field, UserErrorCode.CONFLICT,
                    Message.of("linkage.event.linkageNotOpen", l.status));
        }
    }

    static BigDecimal quantity(String field, Double q, ValidationErrors errors) {
        if (q == null) {
            errors.add(field, UserErrorCode.REQUIRED, Message.of("input.required", field));
            return null;
        }
        BigDecimal scaled = q.isNaN() || q.isInfinite() ? BigDecimal.ZERO : BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP);
        if (scaled.signum() <= 0 || q > MAX_QUANTITY) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, Message.of("linkage.quantity.range", field));
            return null;
        }
        return scaled;
    }

    static String lotNumber(String field, String value, ValidationErrors errors) {
        return errors.text(field, value, MAX_LOT_NUMBER, true);
    }

    static Unit parseUnit(String field, String raw, ValidationErrors errors) {
        Unit unit = Unit.parse(raw).orElse(null);
        if (unit == null) {
            errors.add(field, raw == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("linkage.unit.unknown"));
        }
        return unit;
    }

    /** Quantities on a linkage must convert to its unit, or delivered volume could not be counted. */
    static Unit linkageUnit(String field, Unit unit, Unit linkageUnit, ValidationErrors errors) {
        if (unit != null && unit.convert(1, linkageUnit).isEmpty()) {
            errors.add(field, UserErrorCode.INVALID,
                    Message.of("linkage.unit.notConvertible", unit.label(), linkageUnit.label()));
            return null;
        }
        return unit;
    }

    Details details(OffsetDateTime at, String place, String province, Double lat, Double lon, String note,
                    ValidationErrors errors) {
        if (at == null) {
            errors.add("occurredAt", UserErrorCode.REQUIRED, Message.of("input.required", "occurredAt"));
        } else if (at.toInstant().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            errors.add("occurredAt", UserErrorCode.OUT_OF_RANGE, Message.of("linkage.event.occurredAt.future"));
        } else if (at.toInstant().isBefore(EARLIEST)) {
            errors.add("occurredAt", UserErrorCode.OUT_OF_RANGE, Message.of("linkage.event.occurredAt.tooEarly"));
        }
        String where = errors.text("place", place, 300, false);
        String provinceCode = null;
        if (province != null && !province.isBlank()) {
            provinceCode = provinces.resolve(province).map(Province::code).orElse(null);
            if (provinceCode == null) {
                errors.add("province", UserErrorCode.NOT_FOUND, Message.of("region.province.unknown"));
            }
        }
        double[] point = errors.point("lat", lat, "lon", lon);
        String why = errors.text("note", note, 1000, false);
        return new Details(at, where, provinceCode, point == null ? null : point[0], point == null ? null : point[1], why);
    }
}
