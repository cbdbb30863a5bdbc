package vn.htxconnect.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A module that knows one kind of organization activity implements this as a bean; the insight module
 * asks all of them to tell active cooperatives from dormant and paper-only ones, without depending on
 * how each module stores it.
 */
public interface ActivitySource {

    /** The kind of activity this source knows. */
    ActivityKind kind();

    /**
     * The latest activity of this kind at or before {@code before} for each of the given organizations
     * (absent: none), in a constant number of SQL statements whatever the number of organizations.
     */
    Map<Long, Instant> lastActivity(Collection<Long> organizationIds, Instant before);
}
