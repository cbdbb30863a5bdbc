package vn.htxconnect.linkage.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.TrustSignalSource;
import vn.htxconnect.organization.TrustSignals;

/** Active linkages as supplier, for matching's trust factor: buyers trust a supplier others already rely on. */
@Component
class LinkageTrustSignals implements TrustSignalSource {

    private final NamedParameterJdbcTemplate named;

    LinkageTrustSignals(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Map<Long, TrustSignals> signalsFor(Collection<Long> organizationIds) {
        Map<Long, TrustSignals> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        named.query("""
                SELECT supplier_org_id, COUNT(*) AS n FROM supply_linkage
                WHERE supplier_org_id IN (:ids) AND status = 'ACTIVE' GROUP BY supplier_org_id""",
                new MapSqlParameterSource("ids", organizationIds),
                rs -> {
                    out.put(rs.getLong("supplier_org_id"), new TrustSignals(null, (int) rs.getLong("n")));
                });
        organizationIds.forEach(id -> out.putIfAbsent(id, new TrustSignals(null, 0)));
        return out;
    }
}
