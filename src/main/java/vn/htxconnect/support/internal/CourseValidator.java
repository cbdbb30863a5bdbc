package vn.htxconnect.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseInputs.CreateCourseInput;

/** Checks a new course's fields and applies them to the entity, reporting every problem with its field. */
@Component
class CourseValidator {

    /** Longer than any course the Alliance runs; guards against a mistyped month or year. */
    static final Duration MAX_LENGTH = Duration.ofDays(31);
    static final int MAX_CAPACITY = 10_000;

    private final ProvinceService provinces;

    CourseValidator(ProvinceService provinces) {
        this.provinces = provinces;
    }

    void applyCreate(CreateCourseInput in, CourseEntity e, ValidationErrors errors) {
        if (in.kind() == null) {
            errors.add("kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
        }
        e.kind = in.kind();
        e.title = errors.text("title", in.title(), 200, true);
        e.description = errors.text("description", in.description(), 4000, false);
        times(in, e, errors);
        e.place = errors.text("place", in.place(), 300, false);
        e.onlineUrl = errors.text("onlineUrl", in.onlineUrl(), 500, false);
        if (e.onlineUrl != null && !e.onlineUrl.matches("(?i)https?://[^\\s]+")) {
            errors.add("onlineUrl", UserErrorCode.INVALID, Message.of("support.course.onlineUrl.invalid"));
        }
        if (e.place == null && e.onlineUrl == null) {
            errors.add("place", UserErrorCode.REQUIRED, Message.of("support.course.placeOrOnline"));
        }
        Province province = provinces.resolve(in.province()).orElse(null);
        if (province == null) {
            errors.add("province", in.province() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("region.province.unknown"));
        } else {
            e.provinceCode = province.code();
        }
        if (in.capacity() == null) {
            errors.add("capacity", UserErrorCode.REQUIRED, Message.of("input.required", "capacity"));
        } else if (in.capacity() < 1 || in.capacity() > MAX_CAPACITY) {
            errors.add("capacity", UserErrorCode.OUT_OF_RANGE, Message.of("support.course.capacity.range", MAX_CAPACITY));
        } else {
            e.capacity = in.capacity();
        }
        if (in.audience() == null || in.audience().isEmpty()) {
            errors.add("audience", UserErrorCode.REQUIRED, Message.of("support.course.audience.required"));
        } else {
            Set<Audience> set = EnumSet.noneOf(Audience.class);
            in.audience().stream().filter(a -> a != null).forEach(set::add);
            if (!set.isEmpty()) {
                e.audiences(set);
            }
        }
    }

    private static void times(CreateCourseInput in, CourseEntity e, ValidationErrors errors) {
        if (in.startsAt() == null) {
            errors.add("startsAt", UserErrorCode.REQUIRED, Message.of("input.required", "startsAt"));
        }
        if (in.endsAt() == null) {
            errors.add("endsAt", UserErrorCode.REQUIRED, Message.of("input.required", "endsAt"));
        }
        if (in.startsAt() == null || in.endsAt() == null) {
            return;
        }
        Instant starts = in.startsAt().toInstant();
        Instant ends = in.endsAt().toInstant();
        if (starts.isBefore(Instant.now())) {
            errors.add("startsAt", UserErrorCode.INVALID, Message.of("support.course.startsAt.past"));
        }
        if (!ends.isAfter(starts)) {
            errors.add("endsAt", UserErrorCode.INVALID, Message.of("support.course.endsAt.beforeStart"));
        } else if (Duration.between(starts, ends).compareTo(MAX_LENGTH) > 0) {
            errors.add("endsAt", UserErrorCode.OUT_OF_RANGE, Message.of("support.course.tooLong", MAX_LENGTH.toDays()));
        }
        e.startsAt = starts;
        e.endsAt = ends;
    }
}
