package vn.htxconnect.organization.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.OrganizationFigures;
import vn.htxconnect.organization.OrganizationKind;

/**
 * Groups active organizations by kind, province, verification and declared sectors in SQL (the
 * (kind, province) index), then splits the comma-separated sectors of those few groups in memory.
 */
@Component
class OrganizationFigureQueries implements OrganizationFigures {

    private final JdbcTemplate jdbc;

    OrganizationFigureQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Figures figures(String provinceCode) {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        Map<String, long[]> provinces = new LinkedHashMap<>();
        Map<String, long[]> sectors = new LinkedHashMap<>();
        long[] coops = new long[3];
        String where = provinceCode == null ? "" : " AND province_code = ?";
        Object[] args = provinceCode == null ? new Object[0] : new Object[] {provinceCode};
        jdbc.query("""
                SELECT kind, province_code, verification_status = 'VERIFIED' AS verified, sectors,
                       COUNT(*) AS n, COALESCE(SUM(member_count), 0) AS members
                FROM organization WHERE status = 'ACTIVE'%s
                GROUP BY kind, province_code, verification_status, sectors""".formatted(where), rs -> {
            String kind = rs.getString("kind");
            long n = rs.getLong("n");
            long members = rs.getLong("members");
            long verified = rs.getBoolean("verified") ? n : 0;
            add(kinds, kind, n, members, verified);
            if (OrganizationKind.valueOf(kind).isCooperative()) {
                add(provinces, rs.getString("province_code"), n, members, verified);
                String s = rs.getString("sectors");
                if (s != null && !s.isBlank()) {
                    for (String sector : s.split(",")) {
                        if (!sector.isBlank()) {
                            add(sectors, sector.strip().toLowerCase(Locale.ROOT), n, members, verified);
                        }
                    }
                }
                coops[0] += n;
                coops[1] += members;
                coops[2] += verified;
            }
        }, args);
        return new Figures(groups(kinds), groups(provinces), groups(sectors), coops[0], coops[1], coops[2]);
    }

    private static void add(Map<String, long[]> into, String key, long n, long members, long verified) {
        long[] v = into.computeIfAbsent(key, k -> new long[3]);
        v[0] += n;
        v[1] += members;
        v[2] += verified;
    }

    private static List<Group> groups(Map<String, long[]> m) {
        List<Group> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Group(k, v[0], v[1], v[2])));
        out.sort(Comparator.comparingLong(Group::organizations).reversed().thenComparing(Group::key));
        return out;
    }
}
