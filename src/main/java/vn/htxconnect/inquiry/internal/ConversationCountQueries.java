package vn.htxconnect.inquiry.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.ConversationCounts;

/**
 * Inquiry counts for many windows in one statement: one indexed branch per window (buyer, created_at),
 * joined with UNION ALL, each tagged with the window's position.
 */
@Service
class ConversationCountQueries implements ConversationCounts {

    private final NamedParameterJdbcTemplate named;

    ConversationCountQueries(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    @Transactional(readOnly = true)
    public <K> Map<K, Long> inquiries(Map<K, Window> windows) {
        Map<K, Long> counts = new HashMap<>();
        List<K> keys = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        windows.forEach((key, w) -> {
            counts.put(key, 0L);
            if (w.buyerIds().isEmpty() || w.supplierIds().isEmpty() || !w.from().isBefore(w.to())) {
                return;
            }
            int i = keys.size();
            keys.add(key);
            branches.add(("SELECT %1$d AS k, COUNT(*) AS n FROM conversation WHERE buyer_org_id IN (:b%1$d)"
                    + " AND created_at >= :f%1$d AND created_at < :t%1$d AND supplier_org_id IN (:s%1$d)"
                    + " AND opened_by = 'BUYER'").formatted(i));
            p.addValue("b" + i, w.buyerIds()).addValue("s" + i, w.supplierIds())
                    .addValue("f" + i, Timestamp.from(w.from())).addValue("t" + i, Timestamp.from(w.to()));
        });
        if (branches.isEmpty()) {
            return counts;
        }
        named.query(String.join(" UNION ALL ", branches), p,
                rs -> {
                    counts.put(keys.get(rs.getInt("k")), rs.getLong("n"));
                });
        return counts;
    }
}
