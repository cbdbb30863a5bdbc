package vn.htxconnect.inquiry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.ResponseStats;
import vn.htxconnect.inquiry.ResponseStatsService;

/**
 * Response statistics in one SQL statement for any number of organizations, read from the covering
 * index (supplier, created_at, first_response_at, opened_by). A conversation counts once it is answered
 * or its response window has passed, so a fresh unanswered inquiry does not lower the rate; one the
 * supplier opened itself (with a quote) is no inquiry and never counts. The median
 * uses window functions (MySQL 8 and MariaDB 10.2+ both have them; MariaDB's MEDIAN() is not portable).
 */
@Service
class ResponseStatsQueries implements ResponseStatsService {

    private static final String SQL = """
            SELECT s.supplier_org_id, s.counted, s.in_time, m.median_seconds
            FROM (SELECT supplier_org_id, COUNT(*) AS counted,
                         SUM(CASE WHEN first_response_at IS NOT NULL
                                   AND first_response_at <= created_at + INTERVAL :hours HOUR THEN 1 ELSE 0 END) AS in_time
                  FROM conversation
                  WHERE supplier_org_id IN (:ids) AND created_at >= :since AND opened_by = 'BUYER'
                    AND (first_response_at IS NOT NULL OR created_at <= :cutoff)
                  GROUP BY supplier_org_id) s
            LEFT JOIN (SELECT supplier_org_id, AVG(seconds) AS median_seconds
                       FROM (SELECT supplier_org_id, TIMESTAMPDIFF(SECOND, created_at, first_response_at) AS seconds,
                                    ROW_NUMBER() OVER (PARTITION BY supplier_org_id
                                                       ORDER BY TIMESTAMPDIFF(SECOND, created_at, first_response_at)) AS rn,
                                    COUNT(*) OVER (PARTITION BY supplier_org_id) AS n
                             FROM conversation
                             WHERE supplier_org_id IN (:ids) AND created_at >= :since AND opened_by = 'BUYER'
                               AND first_response_at IS NOT NULL) r
                       WHERE rn IN (FLOOR((n + 1) / 2), FLOOR((n + 2) / 2))
                       GROUP BY supplier_org_id) m ON m.supplier_org_id = s.supplier_org_id""";

    private final NamedParameterJdbcTemplate named;
    private final InquiryProperties properties;

    ResponseStatsQueries(JdbcTemplate jdbc, InquiryProperties properties) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ResponseStats> statsFor(Collection<Long> organizationIds) {
        Map<Long, ResponseStats> stats = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return stats;
        }
        int days = properties.statsPeriodDays();
        int hours = properties.responseWindowHours();
        Instant now = Instant.now();
        MapSqlParameterSource p = new MapSqlParameterSource("ids", organizationIds).addValue("hours", hours)
                .addValue("since", Timestamp.from(now.minus(Duration.ofDays(days))))
                .addValue("cutoff", Timestamp.from(now.minus(Duration.ofHours(hours))));
        named.query(SQL, p, rs -> {
            long counted = rs.getLong("counted");
            long inTime = rs.getLong("in_time");
            BigDecimal median = rs.getBigDecimal("median_seconds");
            stats.put(rs.getLong("supplier_org_id"), new ResponseStats(counted == 0 ? null : (double) inTime / counted,
                    median == null ? null : median.setScale(0, RoundingMode.HALF_UP).longValue(),
                    counted, inTime, days, hours));
        });
        organizationIds.forEach(id -> stats.putIfAbsent(id, ResponseStats.none(days, hours)));
        return stats;
    }
}
