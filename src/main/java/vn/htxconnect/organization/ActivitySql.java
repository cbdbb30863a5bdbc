package vn.htxconnect.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The one query shape every {@link ActivitySource} needs: per organization, the greatest activity time at
 * or before each of several instants. One pass over the rows with one conditional maximum per instant,
 * so a trend of twelve month ends costs one statement per 1,000 organizations, not twelve.
 */
public final class ActivitySql {

    private ActivitySql() {
    }

    /**
     * Runs {@code sql} once per chunk of IDs and returns one map per instant (order of {@code befores}).
     *
     * @param sql selects the organization ID as its first column, then the placeholder {@code {latest}};
     *            it may use {@code :ids} (the chunk) and {@code :last} (the latest of the instants), and
     *            must group by the organization ID
     * @param valueAtOrBefore the activity time of a row if it is at or before {@code :before}, else NULL,
     *            e.g. {@code CASE WHEN q.created_at <= :before THEN q.created_at END}
     */
    public static List<Map<Long, Instant>> latest(NamedParameterJdbcTemplate jdbc, String sql, String valueAtOrBefore,
                                                  Collection<Long> organizationIds, List<Instant> befores) {
        List<Map<Long, Instant>> out = new ArrayList<>(befores.size());
        befores.forEach(b -> out.add(new HashMap<>()));
        if (organizationIds.isEmpty() || befores.isEmpty()) {
            return out;
        }
        StringBuilder columns = new StringBuilder();
        MapSqlParameterSource params = new MapSqlParameterSource();
        for (int i = 0; i < befores.size(); i++) {
            if (i > 0) {
                columns.append(", ");
            }
            columns.append("MAX(").append(valueAtOrBefore.replace(":before", ":before" + i)).append(") AS latest").append(i);
            params.addValue("before" + i, Timestamp.from(befores.get(i)));
        }
        params.addValue("last", Timestamp.from(Collections.max(befores)));
        String query = sql.replace("{latest}", columns);
        for (List<Long> chunk : ActivitySource.chunks(organizationIds)) {
            params.addValue("ids", chunk);
            jdbc.query(query, params, (ResultSet rs) -> {
                long org = rs.getLong(1);
                for (int i = 0; i < befores.size(); i++) {
                    Instant at = instant(rs, i + 2);
                    if (at != null) {
                        out.get(i).put(org, at);
                    }
                }
            });
        }
        return out;
    }

    /**
     * Runs {@code sql} (organization ID, then its latest activity time; it may use {@code :now}) and returns
     * the map, for {@link ActivitySource#latestOfEveryOrganization}.
     */
    public static Map<Long, Instant> latestOfAll(NamedParameterJdbcTemplate jdbc, String sql, Instant now) {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.query(sql, new MapSqlParameterSource("now", Timestamp.from(now)), (ResultSet rs) -> {
            Instant at = instant(rs, 2);
            if (at != null) {
                out.merge(rs.getLong(1), at, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
