package vn.htxconnect.linkage.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.linkage.LinkageFigures;
import vn.htxconnect.platform.Quarters;

/** Quarters from activated_at in one grouped statement; the cooperative share from {@link LinkageStatistics}. */
@Component
class LinkageFigureQueries implements LinkageFigures {

    private final JdbcTemplate jdbc;
    private final LinkageStatistics statistics;

    LinkageFigureQueries(JdbcTemplate jdbc, LinkageStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    @Override
    public List<Quarter> formedPerQuarter(String provinceCode, int quarters) {
        List<LocalDate> starts = Quarters.lastStarts(LocalDate.now(ZoneOffset.UTC), quarters);
        LocalDate start = starts.getFirst();
        Map<String, Long> counts = new LinkedHashMap<>();
        starts.forEach(q -> counts.put(Quarters.label(q), 0L));
        String where = provinceCode == null ? "" : " AND supplier_province_code = ?";
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(start.atStartOfDay(ZoneOffset.UTC).toInstant())));
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        jdbc.query("""
                SELECT YEAR(activated_at) AS y, QUARTER(activated_at) AS q, COUNT(*) AS n FROM supply_linkage
                WHERE activated_at >= ?%s GROUP BY YEAR(activated_at), QUARTER(activated_at)""".formatted(where),
                rs -> {
                    long n = rs.getLong("n");
                    counts.computeIfPresent(rs.getInt("y") + "-Q" + rs.getInt("q"), (k, v) -> v + n);
                }, args.toArray());
        List<Quarter> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Quarter(k, v)));
        return out;
    }

    @Override
    public long withActiveLinkage(LongPredicate counted) {
        return statistics.activeSides(List.of()).stream().filter(counted::test).count();
    }
}
