package vn.htxconnect.linkage.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageCounts;
import vn.htxconnect.linkage.LinkageEnums.Status;

/**
 * {@link LinkageCounts} in SQL. A window is two indexed branches (the organizations' side by supplier;
 * the origin by its unique key) joined with UNION, which keeps a linkage matching both once.
 */
@Service
class LinkageCountQueries implements LinkageCounts {

    private final NamedParameterJdbcTemplate named;
    private final EntityManager entities;

    LinkageCountQueries(JdbcTemplate jdbc, EntityManager entities) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.entities = entities;
    }

    @Override
    @Transactional(readOnly = true)
    public <K> Map<K, Count> formed(Map<K, Window> windows) {
        Map<K, Count> counts = new HashMap<>();
        List<K> keys = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        windows.forEach((key, w) -> {
            counts.put(key, new Count(0, 0));
            int i = keys.size();
            boolean byOrganizations = !w.organizationIds().isEmpty() && w.from().isBefore(w.to());
            boolean byOrigin = w.origin() != null && w.originRef() != null;
            if (!byOrganizations && !byOrigin) {
                return;
            }
            keys.add(key);
            if (byOrganizations) {
                branches.add(("SELECT %1$d AS k, id, activated_at IS NOT NULL AS activated FROM supply_linkage"
                        + " WHERE supplier_org_id IN (:o%1$d) AND customer_org_id IN (:o%1$d)"
                        + " AND created_at >= :f%1$d AND created_at < :t%1$d AND status <> 'REJECTED'").formatted(i));
                p.addValue("o" + i, w.organizationIds()).addValue("f" + i, Timestamp.from(w.from()))
                        .addValue("t" + i, Timestamp.from(w.to()));
            }
            if (byOrigin) {
                branches.add(("SELECT %1$d AS k, id, activated_at IS NOT NULL AS activated FROM supply_linkage"
                        + " WHERE origin = :origin%1$d AND origin_ref = :ref%1$d AND status <> 'REJECTED'").formatted(i));
                p.addValue("origin" + i, w.origin().name()).addValue("ref" + i, w.originRef());
            }
        });
        if (branches.isEmpty()) {
            return counts;
        }
        named.query("SELECT k, COUNT(*) AS n, SUM(activated) AS a FROM (" + String.join(" UNION ", branches)
                + ") x GROUP BY k", p, rs -> {
                    counts.put(keys.get(rs.getInt("k")), new Count(rs.getLong("n"), rs.getLong("a")));
                });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Pair, List<Linkage>> between(Collection<Pair> pairs) {
        Map<Pair, List<Linkage>> out = new LinkedHashMap<>();
        pairs.forEach(pair -> out.put(pair, new ArrayList<>()));
        if (pairs.isEmpty()) {
            return out;
        }
        // Every supplier with every customer is a superset of the pairs, read from the supplier index; the
        // pairs asked for are picked out here.
        Set<Long> suppliers = pairs.stream().map(Pair::supplierOrganizationId).collect(Collectors.toSet());
        Set<Long> customers = pairs.stream().map(Pair::customerOrganizationId).collect(Collectors.toSet());
        entities.createQuery("""
                        select l from LinkageEntity l where l.supplierOrganizationId in :suppliers
                          and l.customerOrganizationId in :customers and l.status <> :rejected order by l.id""",
                        LinkageEntity.class)
                .setParameter("suppliers", suppliers).setParameter("customers", customers)
                .setParameter("rejected", Status.REJECTED)
                .getResultStream().map(LinkageEntity::toView).forEach(l -> {
                    List<Linkage> list = out.get(new Pair(l.supplierOrganizationId(), l.customerOrganizationId()));
                    if (list != null) {
                        list.add(l);
                    }
                });
        return out;
    }
}
