package vn.htxconnect.program.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.program.TradeEvent;

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

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Instant> lastActivity(Collection<Long> organizationIds, Instant before) {
        Map<Long, Instant> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        LocalDate lastDay = LocalDate.ofInstant(before, TradeEvent.ZONE);
        named.query("""
                SELECT p.organization_id, MAX(e.ends_on) AS last_day
                FROM trade_event_participant p JOIN trade_event e ON e.id = p.event_id
                WHERE p.organization_id IN (:orgs) AND (p.attended OR p.role = 'EXHIBITOR')
                  AND e.status = 'PLANNED' AND e.ends_on <= :lastDay
                GROUP BY p.organization_id""",
                new MapSqlParameterSource("orgs", organizationIds).addValue("lastDay", lastDay), rs -> {
                    out.put(rs.getLong("organization_id"),
                            rs.getObject("last_day", LocalDate.class).atStartOfDay(TradeEvent.ZONE).toInstant());
                });
        return out;
    }
}
