package vn.htxconnect.insight;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.organization.ActivityKind;

/**
 * A cooperative's activity status at {@code evaluatedAt} and the signals behind it: the latest activity of
 * each kind some module reports (null when there was none).
 */
public record CooperativeActivity(long organizationId, ActivityStatus status, Instant registeredAt,
                                  Instant lastActivityAt, ActivityKind lastActivityKind, List<Signal> signals,
                                  Instant evaluatedAt) {

    /** The latest activity of one kind, or null {@code lastAt} when there was none. */
    public record Signal(ActivityKind kind, Instant lastAt) {
    }
}
