package vn.htxconnect.linkage.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;

/**
 * Lists of linkages: the IDs of a page from indexed SQL, then the rows in one more statement, so a page
 * costs the same whatever its size.
 */
@Service
class LinkageQueries {

    /** Resolved filter; null fields do not filter. {@code visibleTo} null means everything is visible. */
    record Criteria(Long organizationId, Long productId, String provinceCode, List<String> categoryCodes, Status status,
                    Stage stage, Collection<Long> visibleTo) {
    }

    record Page(List<Linkage> rows, long total) {
    }

    private final NamedParameterJdbcTemplate named;
    private final LinkageManagement linkages;

    LinkageQueries(JdbcTemplate jdbc, LinkageManagement linkages) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.linkages = linkages;
    }

    @Transactional(readOnly = true)
    public Page list(Criteria c, int offset, int n) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.organizationId() != null) {
            where.append(" AND (supplier_org_id = :org OR customer_org_id = :org)");
            p.addValue("org", c.organizationId());
        }
        if (c.productId() != null) {
            where.append(" AND product_id = :product");
            p.addValue("product", c.productId());
        }
        if (c.provinceCode() != null) {
            where.append(" AND supplier_province_code = :province");
            p.addValue("province", c.provinceCode());
        }
        if (c.categoryCodes() != null && !c.categoryCodes().isEmpty()) {
            where.append(" AND category_code IN (:categories)");
            p.addValue("categories", c.categoryCodes());
        }
        if (c.status() != null) {
            where.append(" AND status = :status");
            p.addValue("status", c.status().name());
        }
        if (c.stage() != null) {
            where.append(" AND (supplier_stage = :stage OR customer_stage = :stage)");
            p.addValue("stage", c.stage().name());
        }
        if (c.visibleTo() != null) {
            // Proposals and rejections are the two sides' business; settled relations are known to the platform.
            where.append(" AND (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')");
            if (!c.visibleTo().isEmpty()) {
                where.append(" OR supplier_org_id IN (:mine) OR customer_org_id IN (:mine)");
                p.addValue("mine", c.visibleTo());
            }
            where.append(")");
        }
        long total = Objects.requireNonNull(named.queryForObject("SELECT COUNT(*) FROM supply_linkage" + where, p, Long.class));
        p.addValue("limit", n + 1).addValue("offset", offset);
        List<Long> ids = named.queryForList("SELECT id FROM supply_linkage" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
                p, Long.class);
        Map<Long, Linkage> rows = linkages.findByIds(ids);
        List<Linkage> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(rows.get(id)));
        return new Page(ordered, total);
    }
}
