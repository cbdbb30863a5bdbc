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
 * SUPPLY_EVENT: a shipment or receipt on one of the organization's linkages, on either side. A linkage
 * keeps only its latest event ({@code last_event_at}), so for an earlier moment a linkage with an event
 * since counts as having none then.
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
        // Each side through its own (side, last_event_at) index.
        return ActivitySql.latest(named, """
                SELECT org, {latest} FROM (
                  SELECT supplier_org_id AS org, last_event_at FROM supply_linkage
                  WHERE supplier_org_id IN (:ids) AND last_event_at <= :last
                  UNION ALL
                  SELECT customer_org_id, last_event_at FROM supply_linkage
                  WHERE customer_org_id IN (:ids) AND last_event_at <= :last) e
                GROUP BY org""",
                "CASE WHEN last_event_at <= :before THEN last_event_at END", organizationIds, befores);
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
