package vn.htxconnect.catalog.internal;

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
 * PRODUCT_UPDATED: an organization listed or changed a product. A product keeps only its creation and
 * latest change, so for an earlier moment a product changed since counts with its creation.
 */
@Component
class ProductActivity implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    ProductActivity(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.PRODUCT_UPDATED;
    }


    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        // Reads only the (organization_id, updated_at, created_at) index.
        return ActivitySql.latest(named, """
                SELECT organization_id, {latest} FROM product
                WHERE organization_id IN (:ids) AND created_at <= :last GROUP BY organization_id""",
                "CASE WHEN updated_at <= :before THEN updated_at WHEN created_at <= :before THEN created_at END",
                organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        // A product's latest change is never before its creation: the greatest update time is the answer,
        // found by a loose scan of (organization_id, updated_at), one index dive per organization.
        return ActivitySql.latestOfAll(named, """
                SELECT organization_id, MAX(updated_at) FROM product WHERE updated_at <= :now GROUP BY organization_id""", now);
    }
}
