package vn.htxconnect.linkage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.LinkageEnums.HistoryAction;
import vn.htxconnect.linkage.LinkageEnums.Status;
import vn.htxconnect.linkage.LinkageTransfers;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Message;

/** Bulk moves: the linkages are locked, changed in at most two statements, and their history written in one batch. */
@Service
class LinkageTransferManagement implements LinkageTransfers {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LinkageHistory history;
    private final OrganizationService organizations;

    LinkageTransferManagement(JdbcTemplate jdbc, LinkageHistory history, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.history = history;
        this.organizations = organizations;
    }

    private record Row(long id, long supplier, long customer, Status status) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Result moveAll(long from, long to) {
        Actor actor = Access.requireAlliance();
        if (from == to) {
            return new Result(List.of(), List.of());
        }
        Organization target = organizations.findById(to)
                .orElseThrow(() -> ApiException.notFound(Message.of("organization.notFound")));
        String fromName = organizations.findById(from).map(Organization::name).orElse("#" + from);
        // Each side through its own index, locked until the merger commits.
        List<Row> rows = new ArrayList<>();
        for (String side : List.of("supplier_org_id", "customer_org_id")) {
            rows.addAll(jdbc.query("SELECT id, supplier_org_id, customer_org_id, status FROM supply_linkage WHERE " + side
                    + " = ? ORDER BY id FOR UPDATE", (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    Status.valueOf(rs.getString(4))), from));
        }
        Instant now = Instant.now();
        List<Long> moved = new ArrayList<>();
        List<Long> closing = new ArrayList<>();
        List<LinkageHistory.Entry> entries = new ArrayList<>();
        String movedWhy = "Moved from " + fromName + " to " + target.name() + " (merger)";
        for (Row r : rows) {
            long other = r.supplier() == from ? r.customer() : r.supplier();
            if (other != to) {
                moved.add(r.id());
                entries.add(new LinkageHistory.Entry(r.id(), HistoryAction.TRANSFER, r.status(), r.status(), to,
                        actor.name(), movedWhy, now));
            } else if (r.status() == Status.PROPOSED || r.status() == Status.ACTIVE || r.status() == Status.SUSPENDED) {
                // After the merger the organization would supply itself: the relation ends inside it.
                closing.add(r.id());
                boolean proposed = r.status() == Status.PROPOSED;
                entries.add(new LinkageHistory.Entry(r.id(), proposed ? HistoryAction.REJECT : HistoryAction.END, r.status(),
                        proposed ? Status.REJECTED : Status.ENDED, null, actor.name(),
                        "Both sides merged into one organization", now));
            }
        }
        Timestamp at = Timestamp.from(now);
        if (!moved.isEmpty()) {
            // MySQL and MariaDB assign left to right: the province is decided before the supplier changes.
            named.update("""
                    UPDATE supply_linkage SET
                      supplier_province_code = CASE WHEN supplier_org_id = :from THEN :province ELSE supplier_province_code END,
                      supplier_org_id = CASE WHEN supplier_org_id = :from THEN :to ELSE supplier_org_id END,
                      customer_org_id = CASE WHEN customer_org_id = :from THEN :to ELSE customer_org_id END,
                      version = version + 1, updated_at = :at
                    WHERE id IN (:ids)""", new MapSqlParameterSource("from", from).addValue("to", to)
                    .addValue("province", target.provinceCode()).addValue("at", at).addValue("ids", moved));
        }
        if (!closing.isEmpty()) {
            named.update("""
                    UPDATE supply_linkage SET status = CASE WHEN status = 'PROPOSED' THEN 'REJECTED' ELSE 'ENDED' END,
                      version = version + 1, updated_at = :at
                    WHERE id IN (:ids)""", new MapSqlParameterSource("at", at).addValue("ids", closing));
        }
        history.recordAll(entries, actor);
        return new Result(List.copyOf(moved), List.copyOf(closing));
    }
}
