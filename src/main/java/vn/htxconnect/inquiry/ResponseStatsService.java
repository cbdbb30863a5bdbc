package vn.htxconnect.inquiry;

import java.util.Collection;
import java.util.Map;

/** Suppliers' response statistics, computed in SQL from conversations; for the API and for matching. */
public interface ResponseStatsService {

    /**
     * The stats of each given organization, in one SQL statement whatever their number; an
     * organization without counted conversations gets {@link ResponseStats#none}.
     */
    Map<Long, ResponseStats> statsFor(Collection<Long> organizationIds);
}
