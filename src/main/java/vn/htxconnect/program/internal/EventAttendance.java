package vn.htxconnect.program.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;

/**
 * Taking part in a trade event as activity: an organization checked in at an event, or registered to
 * exhibit at one, was active on the event's last day. That day counts from its start (midnight in
 * Vietnam), so an event ending today counts today; cancelled events never count.
 */
@Component
class EventAttendance implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    EventAttendance(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.EVENT_ATTENDED;
    }

    /**
     * Taking part in event {@code e} as participant {@code p}: checked in, or registered to exhibit; cancelled
     * events never count. The report's event figures count the same.
     */
    static final String TOOK_PART = "(p.attended OR p.role = 'EXHIBITOR') AND e.status = 'PLANNED'";

    /** The event's last day starts at midnight in Vietnam (UTC+7 all year), which is when it counts. */
    private static final String DAY = "(TIMESTAMP(e.ends_on) - INTERVAL 7 HOUR)";


    @Override
    @Transactional(readOnly = true)
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        return ActivitySql.latest(named, """
                SELECT p.organization_id, {latest}
                FROM trade_event_participant p JOIN trade_event e ON e.id = p.event_id
                WHERE p.organization_id IN (:ids) AND %s AND %s <= :last
                GROUP BY p.organization_id""".formatted(TOOK_PART, DAY),
                "CASE WHEN %s <= :before THEN %s END".formatted(DAY, DAY), organizationIds, befores);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        return ActivitySql.latestOfAll(named, """
                SELECT p.organization_id, MAX(%s)
                FROM trade_event_participant p JOIN trade_event e ON e.id = p.event_id
                WHERE %s AND %s <= :now
                GROUP BY p.organization_id""".formatted(DAY, TOOK_PART, DAY), now);
    }
}
