package vn.htxconnect.insight;

/**
 * What a cooperative's activity on the platform says about it at a moment. The months are calendar
 * months in Vietnam's time zone; the thresholds live in {@code internal.ActivityStatusRules}.
 */
public enum ActivityStatus {
    /** Some activity within the last 6 months. */
    ACTIVE,
    /** The latest activity was 6 to 12 months ago. */
    DORMANT,
    /**
     * On paper only (HTX tồn tại hình thức): no activity for 12 months, or none ever although registered
     * more than 3 months ago.
     */
    PAPER_ONLY,
    /** Registered within the last 3 months and not active yet: too early to call it paper-only. */
    NEW
}
