package vn.htxconnect.platform.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;

/** The audit log of mutations, newest first, for admins and the Cooperative Alliance. */
@Controller
class AuditController {

    private final JdbcTemplate jdbc;

    AuditController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record AuditFilter(String organizationId, String operation, String outcome, Instant from, Instant to) {
    }

    record AuditEntry(long databaseId, Instant at, String actor, String operation, String target, String outcome,
                      Long organizationDatabaseId) {

        public String organizationId() {
            return organizationDatabaseId == null ? null : GlobalId.encode("Organization", organizationDatabaseId);
        }
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument AuditFilter filter, @Argument Integer first, @Argument String after) {
        Access.requireAlliance();
        int size = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (filter != null) {
            if (filter.organizationId() != null) {
                where.append(" AND organization_id = ?");
                args.add(GlobalId.decode("filter.organizationId", filter.organizationId(), "Organization"));
            }
            if (filter.operation() != null) {
                where.append(" AND operation = ?");
                args.add(filter.operation());
            }
            if (filter.outcome() != null) {
                where.append(" AND outcome = ?");
                args.add(filter.outcome());
            }
            if (filter.from() != null) {
                where.append(" AND at >= ?");
                args.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                where.append(" AND at < ?");
                args.add(Timestamp.from(filter.to()));
            }
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size + 1);
        pageArgs.add(offset);
        List<AuditEntry> rows = jdbc.query("SELECT id, at, actor, operation, target, outcome, organization_id FROM audit_log"
                        + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class)), pageArgs.toArray());
        return Connection.fromOffset(rows, offset, size, total == null ? 0 : total);
    }
}
