package vn.htxconnect.insight.internal;

import java.util.Locale;

import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.platform.Message;

/** The sentences that explain a status, as messages the API renders in the reader's language. */
final class ActivityStatusExplanations {

    private ActivityStatusExplanations() {
    }

    /** Why the status is what it is, with the month of the latest activity. */
    static Message summaryMessage(CooperativeActivity a) {
        if (a.lastActivityAt() == null) {
            String registered = ActivityStatusRules.month(a.registeredAt());
            return switch (a.status()) {
                case NEW -> Message.of("insight.activity.new", registered);
                default -> Message.of("insight.activity.neverActive", registered,
                        ActivityStatusRules.monthsBetween(a.registeredAt(), a.evaluatedAt()));
            };
        }
        String latest = ActivityStatusRules.month(a.lastActivityAt());
        return switch (a.status()) {
            case ACTIVE -> Message.of("insight.activity.active", ActivityStatusRules.ACTIVE_MONTHS, latest);
            default -> Message.of("insight.activity.inactive",
                    ActivityStatusRules.monthsBetween(a.lastActivityAt(), a.evaluatedAt()), latest);
        };
    }

    /** One signal: when its kind of activity last happened, or that it never did. */
    static Message signalMessage(CooperativeActivity.Signal s) {
        String at = s.lastAt() == null ? null : ActivityStatusRules.month(s.lastAt());
        return switch (s.kind()) {
            case SIGNED_IN -> at == null ? Message.of("insight.signal.signedIn.never") : Message.of("insight.signal.signedIn", at);
            case PRODUCT_UPDATED -> at == null ? Message.of("insight.signal.productUpdated.never")
                    : Message.of("insight.signal.productUpdated", at);
            case INQUIRY_ANSWERED -> at == null ? Message.of("insight.signal.inquiryAnswered.never")
                    : Message.of("insight.signal.inquiryAnswered", at);
            case QUOTE_SENT -> at == null ? Message.of("insight.signal.quoteSent.never") : Message.of("insight.signal.quoteSent", at);
            case SUPPLY_EVENT -> at == null ? Message.of("insight.signal.supplyEvent.never")
                    : Message.of("insight.signal.supplyEvent", at);
            case EVENT_ATTENDED -> at == null ? Message.of("insight.signal.eventAttended.never")
                    : Message.of("insight.signal.eventAttended", at);
            case COURSE_ATTENDED -> at == null ? Message.of("insight.signal.courseAttended.never")
                    : Message.of("insight.signal.courseAttended", at);
        };
    }

    /** Column names of the signals in the CSV export. */
    static String column(ActivityKind kind) {
        return "last_" + kind.name().toLowerCase(Locale.ROOT);
    }
}
