package vn.htxconnect.linkage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Linkages as outcomes of what brought organizations together (trade fairs, programmes): counts per
 * group of organizations and time window, and the linkages between given pairs. Rejected proposals never
 * formed a linkage and are left out of both.
 */
public interface LinkageCounts {

    /**
     * Linkages proposed in [from, to) with both sides among {@code organizationIds}, together with those
     * (at any time) of origin {@code origin} and reference {@code originRef}, when given; each counted once.
     */
    record Window(Collection<Long> organizationIds, Instant from, Instant to, LinkageEnums.Origin origin, String originRef) {
    }

    /** How many linkages, and how many of them both sides have confirmed (ever active). */
    record Count(long linkages, long activated) {
    }

    /** From one supplier to one customer. */
    record Pair(long supplierOrganizationId, long customerOrganizationId) {
    }

    /** The count of each window, in one SQL statement whatever the number of windows. */
    <K> Map<K, Count> formed(Map<K, Window> windows);

    /** The linkages from each supplier to each customer, oldest first, in one SQL statement whatever the number of pairs. */
    Map<Pair, List<Linkage>> between(Collection<Pair> pairs);
}
