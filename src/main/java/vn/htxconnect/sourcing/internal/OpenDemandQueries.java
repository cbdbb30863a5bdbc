package vn.htxconnect.sourcing.internal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.sourcing.OpenDemand;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;

/** Reads the open-requests index (status, expires_at) of sourcing_request. */
@Component
class OpenDemandQueries implements OpenDemand {

    private final JdbcTemplate jdbc;

    OpenDemandQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Demand> open() {
        return jdbc.query("""
                SELECT id, category_code, delivery_province_code, quantity, unit, frequency, window_from, window_to
                FROM sourcing_request WHERE status = 'OPEN' AND expires_at > CURRENT_TIMESTAMP(6)""",
                (rs, i) -> new Demand(rs.getLong("id"), rs.getString("category_code"), rs.getString("delivery_province_code"),
                        rs.getBigDecimal("quantity").doubleValue(), Unit.valueOf(rs.getString("unit")),
                        Frequency.valueOf(rs.getString("frequency")), rs.getDate("window_from").toLocalDate(),
                        rs.getDate("window_to").toLocalDate()));
    }
}
