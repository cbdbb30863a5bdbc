package vn.htxconnect.linkage.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.OrganizationService;

/**
 * Aggregates for the Alliance and partners: counts only, no volumes or prices of any one linkage.
 * Grouped counts come from the (province, status, category) index; the cooperative share matches the
 * linked organizations against the organization module's light list of registered cooperatives.
 */
@Service
class LinkageStatistics {

    /** A group of linkages: its key(s), how many are active, how many exist in any status. */
    record Group(String key, String secondKey, long active, long total) {
    }

    record Statistics(long total, long active, long proposed, long suspended, long ended, long rejected,
                      List<Group> byProvince, List<Group> byCategory, List<Group> byStage, long cooperatives,
                      long cooperativesWithActiveLinkage) {

        public Double shareOfCooperativesWithActiveLinkage() {
            return cooperatives == 0 ? null : (double) cooperativesWithActiveLinkage / cooperatives;
        }
    }

    private final NamedParameterJdbcTemplate named;
    private final OrganizationService organizations;

    LinkageStatistics(JdbcTemplate jdbc, OrganizationService organizations) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public Statistics compute(String provinceCode, List<String> categoryCodes) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (provinceCode != null) {
            where.append(" AND supplier_province_code = :province");
            p.addValue("province", provinceCode);
        }
        if (categoryCodes != null && !categoryCodes.isEmpty()) {
            where.append(" AND category_code IN (:categories)");
            p.addValue("categories", categoryCodes);
        }
        long[] byStatus = new long[6];
        named.query("SELECT status, COUNT(*) AS n FROM supply_linkage" + where + " GROUP BY status", p, rs -> {
            long n = rs.getLong("n");
            byStatus[0] += n;
            switch (rs.getString("status")) {
                case "ACTIVE" -> byStatus[1] += n;
                case "PROPOSED" -> byStatus[2] += n;
                case "SUSPENDED" -> byStatus[3] += n;
                case "ENDED" -> byStatus[4] += n;
                default -> byStatus[5] += n;
            }
        });
        List<Group> provinces = groups("supplier_province_code", null, where, p);
        List<Group> categories = groups("category_code", null, where, p);
        List<Group> stages = groups("supplier_stage", "customer_stage", where, p);
        long[] share = cooperativeShare(provinceCode, categoryCodes);
        return new Statistics(byStatus[0], byStatus[1], byStatus[2], byStatus[3], byStatus[4], byStatus[5], provinces,
                categories, stages, share[1], share[0]);
    }

    /** Organizations on a side of an active linkage (in the categories, when given): one statement. */
    @Transactional(readOnly = true)
    public Set<Long> activeSides(List<String> categoryCodes) {
        boolean byCategory = categoryCodes != null && !categoryCodes.isEmpty();
        String where = byCategory ? " AND category_code IN (:categories)" : "";
        MapSqlParameterSource p = byCategory ? new MapSqlParameterSource("categories", categoryCodes) : new MapSqlParameterSource();
        return new HashSet<>(named.queryForList("""
                SELECT supplier_org_id FROM supply_linkage WHERE status = 'ACTIVE'%s
                UNION SELECT customer_org_id FROM supply_linkage WHERE status = 'ACTIVE'%s""".formatted(where, where),
                p, Long.class));
    }

    /**
     * The province's (or every) registered cooperatives on a side of an active linkage, wherever the other side
     * is, and all of them: matched against the organization module's light list of registered cooperatives.
     */
    private long[] cooperativeShare(String provinceCode, List<String> categoryCodes) {
        Set<Long> sides = activeSides(categoryCodes);
        long cooperatives = 0;
        long linkedCooperatives = 0;
        for (var c : organizations.registeredCooperatives()) {
            if (provinceCode == null || provinceCode.equals(c.provinceCode())) {
                cooperatives++;
                if (sides.contains(c.id())) {
                    linkedCooperatives++;
                }
            }
        }
        return new long[] {linkedCooperatives, cooperatives};
    }

    private List<Group> groups(String column, String second, StringBuilder where, MapSqlParameterSource p) {
        String keys = second == null ? column : column + ", " + second;
        List<Group> out = new ArrayList<>();
        named.query("SELECT " + keys + ", SUM(status = 'ACTIVE') AS active, COUNT(*) AS total FROM supply_linkage" + where
                + " GROUP BY " + keys + " ORDER BY total DESC, " + keys, p, rs -> {
                    out.add(new Group(rs.getString(column), second == null ? null : rs.getString(second),
                            rs.getLong("active"), rs.getLong("total")));
                });
        return out;
    }
}
