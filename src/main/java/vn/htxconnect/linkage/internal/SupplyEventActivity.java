package vn.htxconnect.linkage.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;

/**
 * SUPPLY_EVENT: a shipment or receipt on one of the organization's linkages, on either side, at the time it
 * happened; corrected events do not count. Earlier moments read the events themselves; "now" for every
 * organization reads each linkage's latest event ({@code last_event_at}, kept from the same events).
 */
@Component
class SupplyEventActivity implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    SupplyEventActivity(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.SUPPLY_EVENT;
    }


    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        // Each side's linkages through its (side, ...) index, their events through (linkage_id, occurred_at);
        // an event counts unless a later one corrects it.
        return ActivitySql.latest(named, """
                SELECT org, {latest} FROM (
                  SELECT l.supplier_org_id AS org, e.occurred_at FROM supply_linkage l JOIN supply_event e ON e.linkage_id = l.id
                  WHERE l.supplier_org_id IN (:ids) AND e.occurred_at <= :last AND %1$s
                  UNION ALL
                  SELECT l.customer_org_id, e.occurred_at FROM supply_linkage l JOIN supply_event e ON e.linkage_id = l.id
                  WHERE l.customer_org_id IN (:ids) AND e.occurred_at <= :last AND %1$s) x
                GROUP BY org""".formatted(SupplyEventStore.EFFECTIVE),
                "CASE WHEN occurred_at <= :before THEN occurred_at END", organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        // Two loose scans, one per side's (side, last_event_at) index; an organization on both sides gets the later.
        return ActivitySql.latestOfAll(named, """
                SELECT supplier_org_id, MAX(last_event_at) FROM supply_linkage WHERE last_event_at <= :now GROUP BY supplier_org_id
                UNION ALL
                SELECT customer_org_id, MAX(last_event_at) FROM supply_linkage WHERE last_event_at <= :now GROUP BY customer_org_id""", now);
    }
}
