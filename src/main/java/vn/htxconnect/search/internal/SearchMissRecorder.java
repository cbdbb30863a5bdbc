package vn.htxconnect.search.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.SearchMisses;

/**
 * Counts searches that found nothing. Only the text is kept — folded (no tone marks, lower case, single
 * spaces), cut at 100 characters, with runs of 6 or more digits masked so phone and ID numbers typed
 * into the box are not stored — per day and cause; never who searched, nor the filters used. A failure to
 * classify or count never fails the search.
 */
@Component
class SearchMissRecorder implements SearchMisses {

    private static final Logger log = LoggerFactory.getLogger(SearchMissRecorder.class);
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    static final int MAX = 100;

    private final JdbcTemplate jdbc;
    private final SearchMissClassifier classifier;

    SearchMissRecorder(JdbcTemplate jdbc, SearchMissClassifier classifier) {
        this.jdbc = jdbc;
        this.classifier = classifier;
    }

    static String mask(String text) {
        String s = LONG_DIGITS.matcher(VietnameseText.normalize(text).strip().replaceAll("\\s+", " ")).replaceAll("#");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    static String normalized(String text) {
        String s = LONG_DIGITS.matcher(VietnameseText.fold(text).strip().replaceAll("\\s+", " ")).replaceAll("#");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    /** Counts an empty first page of a search for {@code text} with {@code filter}, with its cause. */
    void record(String text, ProductFilter filter) {
        if (text == null || text.isBlank()) {
            return;
        }
        String key = normalized(text);
        if (key.isBlank() || key.equals("#")) {
            return;
        }
        // Only now, for a text worth counting, is Elasticsearch asked why (the classifier never throws).
        Cause cause = classifier.classify(text, filter);
        try {
            jdbc.update("""
                    INSERT INTO search_miss (query_folded, day, cause, searches, last_query) VALUES (?, ?, ?, 1, ?)
                    ON DUPLICATE KEY UPDATE searches = searches + 1, last_query = VALUES(last_query)""",
                    key, Date.valueOf(LocalDate.now(VietnamTime.ZONE)), cause.name(), mask(text));
        } catch (RuntimeException e) {
            log.warn("Could not count a search without results: {}", e.toString());
        }
    }

    @Override
    public List<Miss> top(LocalDate from, LocalDate to, String containing, Cause cause, int limit) {
        String part = containing == null ? "" : normalized(containing);
        String like = "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to), like));
        String ofCause = "";
        if (cause != null) {
            ofCause = " AND cause = ?";
            args.add(cause.name());
        }
        args.add(limit);
        // One item per text and cause: the same words missed once for a filter and once for want of a product
        // are two different stories for the Alliance.
        return jdbc.query("""
                SELECT query_folded, cause, SUM(searches) AS n, MAX(day) AS last_day,
                       (SELECT m2.last_query FROM search_miss m2 WHERE m2.query_folded = m.query_folded
                        AND m2.cause = m.cause ORDER BY m2.day DESC LIMIT 1) AS shown
                FROM search_miss m WHERE day BETWEEN ? AND ? AND query_folded LIKE ?%s
                GROUP BY query_folded, cause ORDER BY n DESC, query_folded, cause LIMIT ?""".formatted(ofCause),
                (rs, i) -> new Miss(rs.getString("shown"), rs.getString("query_folded"), cause(rs.getString("cause")),
                        rs.getLong("n"), rs.getDate("last_day").toLocalDate()), args.toArray());
    }

    @Override
    public List<CauseCount> byCause(LocalDate from, LocalDate to) {
        Map<Cause, CauseCount> found = new EnumMap<>(Cause.class);
        jdbc.query("""
                SELECT cause, SUM(searches) AS n, COUNT(DISTINCT query_folded) AS texts
                FROM search_miss WHERE day BETWEEN ? AND ? GROUP BY cause""",
                rs -> {
                    Cause c = cause(rs.getString("cause"));
                    CauseCount before = found.get(c);
                    long n = rs.getLong("n") + (before == null ? 0 : before.searches());
                    long texts = rs.getLong("texts") + (before == null ? 0 : before.texts());
                    found.put(c, new CauseCount(c, n, texts));
                }, Date.valueOf(from), Date.valueOf(to));
        List<CauseCount> out = new ArrayList<>();
        for (Cause c : Cause.values()) {
            out.add(found.getOrDefault(c, new CauseCount(c, 0, 0)));
        }
        return out;
    }

    /** A stored cause; one this version does not know (written by a newer one) reads as UNKNOWN. */
    private static Cause cause(String stored) {
        try {
            return Cause.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return Cause.UNKNOWN;
        }
    }
}
