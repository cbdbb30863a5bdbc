package vn.htxconnect.search.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.SearchMisses;

/**
 * Counts searches that found nothing. Only the text is kept — folded (no tone marks, lower case, single
 * spaces), cut at 100 characters, with runs of 6 or more digits masked so phone and ID numbers typed
 * into the box are not stored — per day; never who searched. A failure to count never fails the search.
 */
@Component
class SearchMissRecorder implements SearchMisses {

    private static final Logger log = LoggerFactory.getLogger(SearchMissRecorder.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    static final int MAX = 100;

    private final JdbcTemplate jdbc;

    SearchMissRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String mask(String text) {
        String s = LONG_DIGITS.matcher(VietnameseText.normalize(text).strip().replaceAll("\\s+", " ")).replaceAll("#");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    static String normalized(String text) {
        String s = LONG_DIGITS.matcher(VietnameseText.fold(text).strip().replaceAll("\\s+", " ")).replaceAll("#");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    void record(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String key = normalized(text);
        if (key.isBlank() || key.equals("#")) {
            return;
        }
        try {
            jdbc.update("""
                    INSERT INTO search_miss (query_folded, day, searches, last_query) VALUES (?, ?, 1, ?)
                    ON DUPLICATE KEY UPDATE searches = searches + 1, last_query = VALUES(last_query)""",
                    key, Date.valueOf(LocalDate.now(VIETNAM)), mask(text));
        } catch (RuntimeException e) {
            log.warn("Could not count a search without results: {}", e.toString());
        }
    }

    @Override
    public List<Miss> top(LocalDate from, LocalDate to, String containing, int limit) {
        String part = containing == null ? "" : normalized(containing);
        String like = "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("""
                SELECT query_folded, SUM(searches) AS n, MAX(day) AS last_day,
                       (SELECT m2.last_query FROM search_miss m2 WHERE m2.query_folded = m.query_folded
                        ORDER BY m2.day DESC LIMIT 1) AS shown
                FROM search_miss m WHERE day BETWEEN ? AND ? AND query_folded LIKE ?
                GROUP BY query_folded ORDER BY n DESC, query_folded LIMIT ?""",
                (rs, i) -> new Miss(rs.getString("shown"), rs.getString("query_folded"), rs.getLong("n"),
                        rs.getDate("last_day").toLocalDate()), Date.valueOf(from), Date.valueOf(to), like, limit);
    }
}
