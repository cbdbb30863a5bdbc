package vn.htxconnect.insight.internal;

import java.util.ArrayList;
import java.util.List;

import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.organization.ActivityKind;

/**
 * The sentences that explain a status, in English; {@code i18n/vi.tsv} has their Vietnamese patterns and
 * the API renders them in the reader's language.
 */
final class ActivityStatusExplanations {

    private ActivityStatusExplanations() {
    }

    /** Why the status is what it is, with the month of the latest activity. */
    static String summary(CooperativeActivity a) {
        if (a.lastActivityAt() == null) {
            String registered = ActivityStatusRules.month(a.registeredAt());
            return switch (a.status()) {
                case NEW -> "Registered in " + registered + "; no activity yet";
                default -> "Never active since registration in " + registered + " ("
                        + ActivityStatusRules.monthsBetween(a.registeredAt(), a.evaluatedAt()) + " months ago)";
            };
        }
        String latest = ActivityStatusRules.month(a.lastActivityAt());
        return switch (a.status()) {
            case ACTIVE -> "Active in the last " + ActivityStatusRules.ACTIVE_MONTHS + " months: latest activity in " + latest;
            default -> "No activity for " + ActivityStatusRules.monthsBetween(a.lastActivityAt(), a.evaluatedAt())
                    + " months (latest in " + latest + ")";
        };
    }

    /** One signal: when its kind of activity last happened, or that it never did. */
    static String signal(CooperativeActivity.Signal s) {
        String at = s.lastAt() == null ? null : ActivityStatusRules.month(s.lastAt());
        return switch (s.kind()) {
            case SIGNED_IN -> at == null ? "No member has signed in" : "Last member sign-in: " + at;
            case PRODUCT_UPDATED -> at == null ? "No product listed" : "Last product update: " + at;
            case INQUIRY_ANSWERED -> at == null ? "No inquiry answered" : "Last inquiry answered: " + at;
            case QUOTE_SENT -> at == null ? "No quote sent" : "Last quote sent: " + at;
            case SUPPLY_EVENT -> at == null ? "No supply event recorded" : "Last supply event: " + at;
            case EVENT_ATTENDED -> at == null ? "No trade promotion event attended" : "Last trade promotion event attended: " + at;
        };
    }

    /** The summary, then every signal. */
    static List<String> all(CooperativeActivity a) {
        List<String> out = new ArrayList<>();
        out.add(summary(a));
        a.signals().forEach(s -> out.add(signal(s)));
        return out;
    }

    /** Column names of the signals in the CSV export. */
    static String column(ActivityKind kind) {
        return "last_" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
