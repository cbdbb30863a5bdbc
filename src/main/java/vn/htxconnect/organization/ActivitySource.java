package vn.htxconnect.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A module that knows one kind of organization activity implements this as a bean; the insight module
 * asks all of them to tell active cooperatives from dormant and paper-only ones, without depending on
 * how each module stores it.
 */
public interface ActivitySource {

    /** At most this many organization IDs go into one SQL {@code IN} list; sources split larger collections. */
    int MAX_IDS_PER_STATEMENT = 1000;

    /** The kind of activity this source knows. */
    ActivityKind kind();

    /**
     * The latest activity of this kind at or before each of {@code befores} (one map per instant, in
     * order) for the given organizations: one statement per 1,000 organizations whatever the number of
     * instants (see {@link ActivitySql#latest}).
     */
    List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores);

    /**
     * The latest activity of this kind at or before {@code before} for each of the given organizations
     * (absent: none), in a constant number of SQL statements whatever the number of organizations.
     */
    default Map<Long, Instant> lastActivity(Collection<Long> organizationIds, Instant before) {
        return lastActivity(organizationIds, List.of(before)).getFirst();
    }

    /**
     * The latest activity of this kind at or before {@code now} of every organization that has one, for views
     * over all cooperatives at once (the Alliance's overview): a statement or two that read about one index entry
     * per organization (or member) (a loose scan of the source's (organization, time) index), so its cost follows the
     * number of organizations, not the number of products, messages or sign-ins behind them. Agrees with
     * {@link #lastActivity(Collection, Instant)} for {@code now}.
     */
    Map<Long, Instant> latestOfEveryOrganization(Instant now);

    static List<List<Long>> chunks(Collection<Long> organizationIds) {
        List<Long> all = List.copyOf(organizationIds);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_IDS_PER_STATEMENT) {
            out.add(all.subList(i, Math.min(all.size(), i + MAX_IDS_PER_STATEMENT)));
        }
        return out;
    }
}
