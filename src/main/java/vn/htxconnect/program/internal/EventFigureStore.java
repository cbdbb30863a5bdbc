package vn.htxconnect.program.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.Quarters;
import vn.htxconnect.program.EventFigures;

/** Participation counted from the participants and leads of events that ended in the window. */
@Component
class EventFigureStore implements EventFigures {

    private final JdbcTemplate jdbc;

    EventFigureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Quarter> perQuarter(LongPredicate counted, int quarters, LocalDate today) {
        List<LocalDate> starts = Quarters.lastStarts(today, quarters);
        LocalDate start = starts.getFirst();
        Map<String, Set<Long>> events = new LinkedHashMap<>();
        Map<String, Set<Long>> participants = new HashMap<>();
        Map<String, long[]> leads = new HashMap<>();
        for (LocalDate s : starts) {
            String q = Quarters.label(s);
            events.put(q, new HashSet<>());
            participants.put(q, new HashSet<>());
            leads.put(q, new long[1]);
        }
        jdbc.query("""
                SELECT e.id, e.ends_on, p.organization_id FROM trade_event e
                JOIN trade_event_participant p ON p.event_id = e.id
                WHERE e.ends_on >= ? AND e.ends_on <= ? AND %s""".formatted(EventAttendance.TOOK_PART), rs -> {
            long org = rs.getLong(3);
            if (counted.test(org)) {
                String q = Quarters.label(rs.getDate(2).toLocalDate());
                events.get(q).add(rs.getLong(1));
                participants.get(q).add(org);
            }
        }, Date.valueOf(start), Date.valueOf(today));
        jdbc.query("""
                SELECT e.ends_on, l.supplier_org_id, COUNT(*) FROM trade_event e
                JOIN trade_event_lead l ON l.event_id = e.id
                JOIN trade_event_participant p ON p.event_id = e.id AND p.organization_id = l.supplier_org_id
                WHERE e.ends_on >= ? AND e.ends_on <= ? AND %s
                GROUP BY e.ends_on, l.supplier_org_id""".formatted(EventAttendance.TOOK_PART), rs -> {
            if (counted.test(rs.getLong(2))) {
                leads.get(Quarters.label(rs.getDate(1).toLocalDate()))[0] += rs.getLong(3);
            }
        }, Date.valueOf(start), Date.valueOf(today));
        List<Quarter> out = new ArrayList<>(quarters);
        events.forEach((q, ids) -> out.add(new Quarter(q, ids.size(), participants.get(q).size(), leads.get(q)[0])));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public long participantsBetween(LongPredicate counted, LocalDate from, LocalDate today) {
        Set<Long> took = new HashSet<>();
        jdbc.query("""
                SELECT DISTINCT p.organization_id FROM trade_event e JOIN trade_event_participant p ON p.event_id = e.id
                WHERE e.ends_on >= ? AND e.ends_on <= ? AND %s""".formatted(EventAttendance.TOOK_PART), rs -> {
            long org = rs.getLong(1);
            if (counted.test(org)) {
                took.add(org);
            }
        }, Date.valueOf(from), Date.valueOf(today));
        return took.size();
    }
}
