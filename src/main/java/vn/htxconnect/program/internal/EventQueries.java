package vn.htxconnect.program.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Kind;
import vn.htxconnect.program.TradeEventEnums.Status;
import vn.htxconnect.program.TradeEventService;

/** Lists of events, latest first: the IDs of a page from indexed SQL, then the rows in one more statement. */
@Service
class EventQueries {

    /** Resolved filter; null fields do not filter. {@code from}/{@code to} keep events overlapping the period. */
    record Criteria(String provinceCode, Kind kind, LocalDate from, LocalDate to, Long participantId, Status status) {
    }

    private final NamedParameterJdbcTemplate named;
    private final TradeEventService events;

    EventQueries(JdbcTemplate jdbc, TradeEventService events) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<TradeEvent> list(Criteria c, int offset, int n) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.provinceCode() != null) {
            where.append(" AND e.province_code = :province");
            p.addValue("province", c.provinceCode());
        }
        if (c.kind() != null) {
            where.append(" AND e.kind = :kind");
            p.addValue("kind", c.kind().name());
        }
        if (c.from() != null) {
            where.append(" AND e.ends_on >= :from");
            p.addValue("from", c.from());
        }
        if (c.to() != null) {
            where.append(" AND e.starts_on <= :to");
            p.addValue("to", c.to());
        }
        if (c.participantId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM trade_event_participant x WHERE x.event_id = e.id AND x.organization_id = :org)");
            p.addValue("org", c.participantId());
        }
        if (c.status() != null) {
            p.addValue("today", LocalDate.now(VietnamTime.ZONE));
            where.append(switch (c.status()) {
                case CANCELLED -> " AND e.status = 'CANCELLED'";
                case UPCOMING -> " AND e.status = 'PLANNED' AND e.starts_on > :today";
                case ONGOING -> " AND e.status = 'PLANNED' AND e.starts_on <= :today AND e.ends_on >= :today";
                case PAST -> " AND e.status = 'PLANNED' AND e.ends_on < :today";
            });
        }
        long total = Objects.requireNonNull(named.queryForObject("SELECT COUNT(*) FROM trade_event e" + where, p, Long.class));
        p.addValue("limit", n + 1).addValue("offset", offset);
        List<Long> ids = named.queryForList("SELECT e.id FROM trade_event e" + where
                + " ORDER BY e.starts_on DESC, e.id DESC LIMIT :limit OFFSET :offset", p, Long.class);
        Map<Long, TradeEvent> rows = events.findByIds(ids);
        List<TradeEvent> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(rows.get(id)));
        return new Page<>(ordered, total);
    }
}
