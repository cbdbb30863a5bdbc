package vn.htxconnect.catalog.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;
import vn.htxconnect.platform.VietnamTime;

/**
 * PRODUCT_UPDATED: an organization listed or changed a product. Every product write also keeps the
 * organization's latest change of that month (in Vietnam) in {@code product_activity_month}, so the activity
 * at any month's end is exact even for products changed again since, and "latest now" reads one index entry
 * per organization.
 */
@Component
class ProductActivity implements ActivitySource {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ProductActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.PRODUCT_UPDATED;
    }

    /**
     * Records written products in their organizations' monthly history, in the writing transaction: one row
     * per organization and month however many products (an import batch writes a handful), in key order so
     * two writers cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordWrites(Collection<ProductEntity> written) {
        Map<String, Object[]> rows = new TreeMap<>();
        for (ProductEntity p : written) {
            Instant at = p.updatedAt() != null ? p.updatedAt() : p.createdAt();
            if (at == null) {
                continue;
            }
            LocalDate month = at.atZone(VietnamTime.ZONE).toLocalDate().withDayOfMonth(1);
            rows.merge("%020d %s".formatted(p.organizationId, month),
                    new Object[] {p.organizationId, Date.valueOf(month), Timestamp.from(at)},
                    (a, b) -> ((Timestamp) a[2]).after((Timestamp) b[2]) ? a : b);
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO product_activity_month (organization_id, month, last_at) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE last_at = GREATEST(last_at, VALUES(last_at))""", new ArrayList<>(rows.values()));
        }
    }

    /** A merger: the products' history comes with them to the organization they moved to (it did not change them). */
    @Transactional(propagation = Propagation.MANDATORY)
    void inherit(long fromOrganizationId, long toOrganizationId) {
        jdbc.update("""
                INSERT INTO product_activity_month (organization_id, month, last_at)
                SELECT ?, h.month, h.last_at FROM (SELECT month, last_at FROM product_activity_month WHERE organization_id = ?) h
                ORDER BY h.month
                ON DUPLICATE KEY UPDATE last_at = GREATEST(product_activity_month.last_at, VALUES(last_at))""",
                toOrganizationId, fromOrganizationId);
    }

    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        // Per month the latest change: exact at every month's end, through the primary key.
        return ActivitySql.latest(named, """
                SELECT organization_id, {latest} FROM product_activity_month
                WHERE organization_id IN (:ids) AND last_at <= :last GROUP BY organization_id""",
                "CASE WHEN last_at <= :before THEN last_at END", organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        // A loose scan of (organization_id, last_at): one index dive per organization.
        return ActivitySql.latestOfAll(named, """
                SELECT organization_id, MAX(last_at) FROM product_activity_month WHERE last_at <= :now
                GROUP BY organization_id""", now);
    }
}
