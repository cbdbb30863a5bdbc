package vn.htxconnect.support.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationService.CooperativeContact;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseFigures.ByAudience;
import vn.htxconnect.support.CourseFigures.ByOrganization;
import vn.htxconnect.support.CourseFigures.ByProvince;
import vn.htxconnect.support.CourseFigures.Counts;
import vn.htxconnect.support.CourseFigures.Filter;
import vn.htxconnect.support.CourseFigures.FounderFollowUp;
import vn.htxconnect.support.CourseFigures.Period;

/**
 * A period's course figures in a fixed number of statements: courses per province, live registrations per
 * province and audience, the founders who attended, and (one statement of the organization module) the
 * cooperatives registered in the founders' windows. Counted courses are published ones starting in the period.
 */
@Service
class CourseFigureQueries {

    /** A founder counts as having founded a cooperative when it was registered within this many months of the course. */
    static final int FOLLOW_UP_MONTHS = 12;

    private final NamedParameterJdbcTemplate named;
    private final OrganizationService organizations;

    CourseFigureQueries(JdbcTemplate jdbc, OrganizationService organizations) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.organizations = organizations;
    }

    private static String where(Filter f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder(" WHERE c.status = 'PUBLISHED'");
        if (f.from() != null) {
            w.append(" AND c.starts_at >= :from");
            p.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            w.append(" AND c.starts_at < :to");
            p.addValue("to", Timestamp.from(f.to()));
        }
        if (f.provinceCode() != null) {
            w.append(" AND c.province_code = :province");
            p.addValue("province", f.provinceCode());
        }
        if (f.kind() != null) {
            w.append(" AND c.kind = :kind");
            p.addValue("kind", f.kind().name());
        }
        return w.toString();
    }

    @Transactional(readOnly = true)
    public Period period(Filter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p);
        Map<String, Integer> coursesByProvince = new TreeMap<>();
        named.query("SELECT c.province_code, COUNT(*) FROM course c" + where + " GROUP BY c.province_code", p,
                rs -> {
                    coursesByProvince.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Counts> byProvince = new HashMap<>();
        Map<Audience, Counts> byAudience = new EnumMap<>(Audience.class);
        for (Audience a : Audience.values()) {
            byAudience.put(a, Counts.NONE);
        }
        named.query("""
                SELECT c.province_code, r.audience, COUNT(*), SUM(r.attended), SUM(r.completed)
                FROM course c JOIN course_registration r ON r.course_id = c.id AND r.status = 'REGISTERED'""" + where
                + " GROUP BY c.province_code, r.audience", p, rs -> {
                    Counts counts = new Counts(rs.getInt(3), rs.getInt(4), rs.getInt(5));
                    byProvince.merge(rs.getString(1), counts, Counts::plus);
                    byAudience.merge(Audience.valueOf(rs.getString(2)), counts, Counts::plus);
                });
        Counts total = byAudience.values().stream().reduce(Counts.NONE, Counts::plus);
        List<ByProvince> provinces = coursesByProvince.entrySet().stream().map(e -> {
            Counts c = byProvince.getOrDefault(e.getKey(), Counts.NONE);
            return new ByProvince(e.getKey(), e.getValue(), c.registered(), c.attended(), c.completed());
        }).sorted(Comparator.comparingInt(ByProvince::registered).reversed().thenComparing(ByProvince::provinceCode)).toList();
        List<ByAudience> audiences = byAudience.entrySet().stream().map(e -> new ByAudience(e.getKey(),
                e.getValue().registered(), e.getValue().attended(), e.getValue().completed())).toList();
        int courses = coursesByProvince.values().stream().mapToInt(Integer::intValue).sum();
        return new Period(f, courses, total.registered(), total.attended(), total.completed(), audiences, provinces,
                founders(where, p));
    }

    /**
     * Founders who attended, one per person (the phone, else the account, else the registration), each with the
     * start of the first course of the period they attended: a cooperative registered from then on and within
     * {@value #FOLLOW_UP_MONTHS} months with their phone as its contact phone counts.
     */
    private FounderFollowUp founders(String where, MapSqlParameterSource p) {
        Map<String, Instant> firstStart = new HashMap<>();
        Map<String, String> phones = new HashMap<>();
        named.query("""
                SELECT r.id, r.user_id, r.phone, c.starts_at
                FROM course c JOIN course_registration r ON r.course_id = c.id AND r.status = 'REGISTERED'
                  AND r.audience = 'FOUNDERS' AND r.attended""" + where, p, rs -> {
                    String phone = rs.getString(3);
                    long user = rs.getLong(2);
                    String person = phone != null ? "p" + phone : !rs.wasNull() ? "u" + user : "r" + rs.getLong(1);
                    firstStart.merge(person, rs.getTimestamp(4).toInstant(), (a, b) -> a.isBefore(b) ? a : b);
                    if (phone != null) {
                        phones.put(person, phone);
                    }
                });
        if (firstStart.isEmpty()) {
            return new FounderFollowUp(0, 0, 0, 0);
        }
        Instant earliest = firstStart.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant latestEnd = windowEnd(firstStart.values().stream().max(Comparator.naturalOrder()).orElseThrow());
        Map<String, List<Instant>> foundedByPhone = new HashMap<>();
        if (!phones.isEmpty()) {
            for (CooperativeContact c : organizations.cooperativesRegisteredBetween(earliest, latestEnd)) {
                String phone = VietnamesePhone.normalize(c.contactPhone());
                if (phone != null) {
                    foundedByPhone.computeIfAbsent(phone, k -> new ArrayList<>()).add(c.registeredAt());
                }
            }
        }
        Instant now = Instant.now();
        int founded = 0;
        int stillInWindow = 0;
        for (Map.Entry<String, Instant> person : firstStart.entrySet()) {
            Instant start = person.getValue();
            Instant end = windowEnd(start);
            String phone = phones.get(person.getKey());
            boolean didFound = phone != null && foundedByPhone.getOrDefault(phone, List.of()).stream()
                    .anyMatch(at -> !at.isBefore(start) && at.isBefore(end));
            if (didFound) {
                founded++;
            } else if (end.isAfter(now)) {
                stillInWindow++;
            }
        }
        return new FounderFollowUp(firstStart.size(), phones.size(), founded, stillInWindow);
    }

    static Instant windowEnd(Instant courseStart) {
        return courseStart.atZone(VietnamTime.ZONE).plusMonths(FOLLOW_UP_MONTHS).toInstant();
    }

    /**
     * Organizations that sent people to the period's courses, cooperatives only, most registrations first: one
     * statement for the counts and one for the organizations.
     */
    @Transactional(readOnly = true)
    public List<ByOrganization> byCooperative(Filter f, int first) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p);
        Map<Long, Counts> counts = new HashMap<>();
        named.query("""
                SELECT r.organization_id, COUNT(*), SUM(r.attended), SUM(r.completed)
                FROM course c JOIN course_registration r ON r.course_id = c.id AND r.status = 'REGISTERED'""" + where
                + " AND r.organization_id IS NOT NULL GROUP BY r.organization_id", p, rs -> {
                    counts.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<Long, Organization> orgs = organizations.findByIds(counts.keySet());
        return counts.entrySet().stream()
                .filter(e -> orgs.containsKey(e.getKey()) && orgs.get(e.getKey()).kind().isCooperative())
                .map(e -> new ByOrganization(e.getKey(), e.getValue().registered(), e.getValue().attended(),
                        e.getValue().completed()))
                .sorted(Comparator.comparingInt(ByOrganization::registered).reversed()
                        .thenComparingLong(ByOrganization::organizationId))
                .limit(first).toList();
    }
}
