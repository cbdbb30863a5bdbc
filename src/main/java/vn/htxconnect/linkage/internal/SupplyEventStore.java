package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEvent.Lot;

/**
 * The append-only store of supply events and their lots. Reads of many events or lots take one SQL
 * statement whatever their number. "Effective" events are those no later event corrects.
 */
@Component
class SupplyEventStore {

    /** A new event; {@code quantity}, {@code unit} and {@code lotNumber} are null for transformations. */
    record NewEvent(Kind kind, Long linkageId, long organizationId, OffsetDateTime occurredAt, BigDecimal quantity,
                    Unit unit, String lotNumber, String place, String provinceCode, Double lat, Double lon,
                    Long correctsEventId, String note, Long userId) {
    }

    /** A quantity of a lot an organization got (SOURCE: received or made) or used up (USE) by one event. */
    record LotRow(boolean source, long eventId, String lotNumber, double quantity, Unit unit) {
    }

    /** An effective event's part in a linkage's totals. */
    record Activity(Kind kind, double quantity, Unit unit, Instant occurredAt) {
    }

    /** A shipment or receipt of a lot on a linkage, for tracing. */
    record LinkageEdge(long eventId, Kind kind, long linkageId, long supplierOrganizationId, long customerOrganizationId,
                       Stage supplierStage, Stage customerStage, String lotNumber, double quantity, Unit unit,
                       OffsetDateTime occurredAt) {
    }

    /** A transformation that made {@code outputLot} from {@code inputLot}, for tracing. */
    record TransformationEdge(long eventId, long organizationId, String inputLot, double inputQuantity, Unit inputUnit,
                              String outputLot, double outputQuantity, Unit outputUnit, OffsetDateTime occurredAt) {
    }

    static final String EFFECTIVE = "NOT EXISTS (SELECT 1 FROM supply_event c WHERE c.corrects_event_id = e.id)";

    private static final String COLUMNS = """
            e.id, e.kind, e.linkage_id, e.organization_id, e.occurred_at, e.occurred_offset, e.recorded_at, e.quantity,
            e.unit, e.lot_number, e.place, e.province_code, e.lat, e.lon, e.corrects_event_id, e.note,
            (SELECT c.id FROM supply_event c WHERE c.corrects_event_id = e.id) AS corrected_by""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SupplyEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(NewEvent e) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO supply_event (kind, linkage_id, organization_id, occurred_at, occurred_offset, recorded_at,
                      quantity, unit, lot_number, place, province_code, lat, lon, corrects_event_id, note, recorded_by_user_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, e.kind().name());
            ps.setObject(2, e.linkageId(), Types.BIGINT);
            ps.setLong(3, e.organizationId());
            ps.setTimestamp(4, Timestamp.from(e.occurredAt().toInstant()));
            ps.setString(5, e.occurredAt().getOffset().getId());
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.setBigDecimal(7, e.quantity());
            ps.setString(8, e.unit() == null ? null : e.unit().name());
            ps.setString(9, e.lotNumber());
            ps.setString(10, e.place());
            ps.setString(11, e.provinceCode());
            ps.setObject(12, e.lat(), Types.DOUBLE);
            ps.setObject(13, e.lon(), Types.DOUBLE);
            ps.setObject(14, e.correctsEventId(), Types.BIGINT);
            ps.setString(15, e.note());
            ps.setObject(16, e.userId(), Types.BIGINT);
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void insertLots(long eventId, List<Lot> lots) {
        List<Object[]> rows = new ArrayList<>(lots.size());
        for (int i = 0; i < lots.size(); i++) {
            Lot l = lots.get(i);
            rows.add(new Object[] {eventId, l.direction().name(), i, l.lotNumber(), BigDecimal.valueOf(l.quantity()),
                    l.unit().name(), l.productId()});
        }
        jdbc.batchUpdate("""
                INSERT INTO supply_event_lot (event_id, direction, position, lot_number, quantity, unit, product_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * Serialises writers that use up or reduce an organization's lots: the row lock is held until the
     * transaction ends (ON DUPLICATE KEY UPDATE locks the row exclusively, unlike INSERT IGNORE).
     */
    void lockLots(long organizationId) {
        jdbc.update("INSERT INTO supply_lot_lock (organization_id) VALUES (?) ON DUPLICATE KEY UPDATE organization_id = organization_id",
                organizationId);
    }

    Map<Long, SupplyEvent> findByIds(Collection<Long> ids) {
        Map<Long, SupplyEvent> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        named.query("SELECT " + COLUMNS + " FROM supply_event e WHERE e.id IN (:ids)", new MapSqlParameterSource("ids", ids),
                rs -> {
                    SupplyEvent ev = event(rs);
                    out.put(ev.databaseId(), ev);
                });
        return out;
    }

    /** The lots of many transformations, inputs then outputs, in the order given. */
    Map<Long, List<Lot>> lots(Collection<Long> eventIds) {
        Map<Long, List<Lot>> out = new LinkedHashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        named.query("""
                SELECT event_id, direction, lot_number, quantity, unit, product_id FROM supply_event_lot
                WHERE event_id IN (:ids) ORDER BY event_id, direction, position""", new MapSqlParameterSource("ids", eventIds),
                rs -> {
                    long productId = rs.getLong("product_id");
                    Long product = rs.wasNull() ? null : productId;
                    Lot lot = new Lot(rs.getLong("event_id"), Direction.valueOf(rs.getString("direction")),
                            rs.getString("lot_number"), rs.getDouble("quantity"), Unit.valueOf(rs.getString("unit")), product);
                    out.computeIfAbsent(lot.eventId(), k -> new ArrayList<>()).add(lot);
                });
        return out;
    }

    /** Pages of the events of many linkages, newest first, in one statement: rows {@code offset+1 .. offset+limit}. */
    Map<Long, List<SupplyEvent>> pages(Collection<Long> linkageIds, int offset, int limit) {
        Map<Long, List<SupplyEvent>> out = new LinkedHashMap<>();
        named.query("""
                SELECT * FROM (
                  SELECT %s, ROW_NUMBER() OVER (PARTITION BY e.linkage_id ORDER BY e.occurred_at DESC, e.id DESC) AS rn
                  FROM supply_event e WHERE e.linkage_id IN (:ids)) t
                WHERE rn > :offset AND rn <= :end ORDER BY linkage_id, rn""".formatted(COLUMNS),
                new MapSqlParameterSource("ids", linkageIds).addValue("offset", offset).addValue("end", offset + limit),
                rs -> {
                    SupplyEvent ev = event(rs);
                    out.computeIfAbsent(ev.linkageId(), k -> new ArrayList<>()).add(ev);
                });
        return out;
    }

    Map<Long, Long> counts(Collection<Long> linkageIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        named.query("SELECT linkage_id, COUNT(*) AS n FROM supply_event WHERE linkage_id IN (:ids) GROUP BY linkage_id",
                new MapSqlParameterSource("ids", linkageIds), rs -> {
                    out.put(rs.getLong("linkage_id"), rs.getLong("n"));
                });
        return out;
    }

    /** The effective events of a linkage, for its delivered quantity and last activity. */
    List<Activity> activity(long linkageId) {
        return jdbc.query("SELECT e.kind, e.quantity, e.unit, e.occurred_at FROM supply_event e WHERE e.linkage_id = ? AND "
                + EFFECTIVE, (rs, i) -> new Activity(Kind.valueOf(rs.getString("kind")), rs.getDouble("quantity"),
                Unit.valueOf(rs.getString("unit")), rs.getTimestamp("occurred_at").toInstant()), linkageId);
    }

    /**
     * What an organization got (receipts, transformation outputs) and used up (transformation inputs) of
     * some lots, effective events only, oldest first; {@code excludedEventId} is left out (an event being
     * corrected).
     */
    List<LotRow> lotRows(long organizationId, Collection<String> lots, long excludedEventId) {
        if (lots.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = new MapSqlParameterSource("org", organizationId).addValue("lots", lots)
                .addValue("excluded", excludedEventId);
        return named.query("""
                SELECT * FROM (
                  SELECT 1 AS source, e.id, e.occurred_at, e.lot_number, e.quantity, e.unit FROM supply_event e
                  WHERE e.organization_id = :org AND e.lot_number IN (:lots) AND e.kind = 'RECEIVED' AND e.id <> :excluded AND %1$s
                  UNION ALL
                  SELECT l.direction = 'OUTPUT', e.id, e.occurred_at, l.lot_number, l.quantity, l.unit
                  FROM supply_event_lot l JOIN supply_event e ON e.id = l.event_id
                  WHERE l.lot_number IN (:lots) AND e.organization_id = :org AND e.id <> :excluded AND %1$s) t
                ORDER BY occurred_at, id""".formatted(EFFECTIVE), p,
                (rs, i) -> new LotRow(rs.getBoolean("source"), rs.getLong("id"), rs.getString("lot_number"),
                        rs.getDouble("quantity"), Unit.valueOf(rs.getString("unit"))));
    }

    /**
     * Effective shipments and receipts of these lot numbers on linkages whose customer (backward) or
     * supplier (forward) is one of the organizations; the caller keeps the exact (organization, lot) pairs.
     */
    List<LinkageEdge> linkageEdges(Collection<Long> organizationIds, Collection<String> lots, boolean customerSide) {
        MapSqlParameterSource p = new MapSqlParameterSource("orgs", organizationIds).addValue("lots", lots);
        return named.query("""
                SELECT e.id, e.kind, e.linkage_id, e.lot_number, e.quantity, e.unit, e.occurred_at, e.occurred_offset,
                       l.supplier_org_id, l.customer_org_id, l.supplier_stage, l.customer_stage
                FROM supply_event e JOIN supply_linkage l ON l.id = e.linkage_id
                WHERE e.lot_number IN (:lots) AND e.kind IN ('SHIPPED', 'RECEIVED') AND l.%s IN (:orgs) AND %s
                ORDER BY e.occurred_at, e.id""".formatted(customerSide ? "customer_org_id" : "supplier_org_id", EFFECTIVE), p,
                (rs, i) -> new LinkageEdge(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("linkage_id"),
                        rs.getLong("supplier_org_id"), rs.getLong("customer_org_id"), Stage.valueOf(rs.getString("supplier_stage")),
                        Stage.valueOf(rs.getString("customer_stage")), rs.getString("lot_number"), rs.getDouble("quantity"),
                        Unit.valueOf(rs.getString("unit")), occurredAt(rs)));
    }

    /**
     * Effective transformations at these organizations that made (backward) or used (forward) these lot
     * numbers, one row per input-output pair.
     */
    List<TransformationEdge> transformationEdges(Collection<Long> organizationIds, Collection<String> lots, boolean made) {
        MapSqlParameterSource p = new MapSqlParameterSource("orgs", organizationIds).addValue("lots", lots)
                .addValue("matched", made ? "OUTPUT" : "INPUT").addValue("other", made ? "INPUT" : "OUTPUT");
        return named.query("""
                SELECT e.id, e.organization_id, e.occurred_at, e.occurred_offset,
                       m.lot_number AS m_lot, m.quantity AS m_quantity, m.unit AS m_unit,
                       o.lot_number AS o_lot, o.quantity AS o_quantity, o.unit AS o_unit
                FROM supply_event_lot m JOIN supply_event e ON e.id = m.event_id
                JOIN supply_event_lot o ON o.event_id = m.event_id AND o.direction = :other
                WHERE m.lot_number IN (:lots) AND m.direction = :matched AND e.organization_id IN (:orgs) AND %s
                ORDER BY e.occurred_at, e.id, o.position""".formatted(EFFECTIVE), p, (rs, i) -> {
                    String mLot = rs.getString("m_lot");
                    String oLot = rs.getString("o_lot");
                    double mQty = rs.getDouble("m_quantity");
                    double oQty = rs.getDouble("o_quantity");
                    Unit mUnit = Unit.valueOf(rs.getString("m_unit"));
                    Unit oUnit = Unit.valueOf(rs.getString("o_unit"));
                    return made
                            ? new TransformationEdge(rs.getLong("id"), rs.getLong("organization_id"), oLot, oQty, oUnit, mLot, mQty, mUnit, occurredAt(rs))
                            : new TransformationEdge(rs.getLong("id"), rs.getLong("organization_id"), mLot, mQty, mUnit, oLot, oQty, oUnit, occurredAt(rs));
                });
    }

    private static OffsetDateTime occurredAt(ResultSet rs) throws SQLException {
        return rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.of(rs.getString("occurred_offset")));
    }

    private static SupplyEvent event(ResultSet rs) throws SQLException {
        long linkage = rs.getLong("linkage_id");
        Long linkageId = rs.wasNull() ? null : linkage;
        BigDecimal quantity = rs.getBigDecimal("quantity");
        String unit = rs.getString("unit");
        double lat = rs.getDouble("lat");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("lon");
        Double longitude = rs.wasNull() ? null : lon;
        long corrects = rs.getLong("corrects_event_id");
        Long correctsId = rs.wasNull() ? null : corrects;
        long correctedBy = rs.getLong("corrected_by");
        Long correctedById = rs.wasNull() ? null : correctedBy;
        return new SupplyEvent(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), linkageId, rs.getLong("organization_id"),
                occurredAt(rs), rs.getTimestamp("recorded_at").toInstant(), quantity == null ? null : quantity.doubleValue(),
                unit == null ? null : Unit.valueOf(unit), rs.getString("lot_number"), rs.getString("place"),
                rs.getString("province_code"), latitude, longitude, correctsId, correctedById, rs.getString("note"));
    }
}
