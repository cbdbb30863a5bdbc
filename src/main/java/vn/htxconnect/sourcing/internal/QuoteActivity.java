package vn.htxconnect.sourcing.internal;

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

/** QUOTE_SENT: the organization quoted on a sourcing request (whatever became of the quote). */
@Component
class QuoteActivity implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    QuoteActivity(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.QUOTE_SENT;
    }


    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        return ActivitySql.latest(named, """
                SELECT supplier_organization_id, {latest} FROM quote
                WHERE supplier_organization_id IN (:ids) AND created_at <= :last GROUP BY supplier_organization_id""",
                "CASE WHEN created_at <= :before THEN created_at END", organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        return ActivitySql.latestOfAll(named, """
                SELECT supplier_organization_id, MAX(created_at) FROM quote WHERE created_at <= :now
                GROUP BY supplier_organization_id""", now);
    }
}
