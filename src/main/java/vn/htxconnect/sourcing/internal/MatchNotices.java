package vn.htxconnect.sourcing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The request/product pairs already announced ({@code match_notice}). */
@Component
class MatchNotices {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    MatchNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Records the pairs not announced yet and returns them; call inside the transaction that writes
     * the announcements. Known pairs are read in one statement; each new one is then inserted on its
     * own, because the insert's row count is what tells whether this transaction or a concurrent one
     * (another instance discovering the same pair) claimed it.
     */
    <T> List<T> claim(List<T> pairs, Function<T, long[]> key) {
        Map<List<Long>, T> distinct = new LinkedHashMap<>();
        pairs.forEach(p -> {
            long[] k = key.apply(p);
            distinct.putIfAbsent(List.of(k[0], k[1]), p);
        });
        if (distinct.isEmpty()) {
            return List.of();
        }
        Set<Long> requests = new HashSet<>();
        Set<Long> products = new HashSet<>();
        distinct.keySet().forEach(k -> {
            requests.add(k.get(0));
            products.add(k.get(1));
        });
        Set<List<Long>> known = new HashSet<>(named.query(
                "SELECT request_id, product_id FROM match_notice WHERE request_id IN (:r) AND product_id IN (:p)",
                new MapSqlParameterSource("r", requests).addValue("p", products),
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2))));
        Timestamp now = Timestamp.from(Instant.now());
        List<T> fresh = new ArrayList<>();
        for (Map.Entry<List<Long>, T> e : distinct.entrySet()) {
            if (!known.contains(e.getKey()) && jdbc.update(
                    "INSERT IGNORE INTO match_notice (request_id, product_id, created_at) VALUES (?, ?, ?)",
                    e.getKey().get(0), e.getKey().get(1), now) == 1) {
                fresh.add(e.getValue());
            }
        }
        return fresh;
    }
}
