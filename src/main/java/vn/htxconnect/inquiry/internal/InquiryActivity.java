package vn.htxconnect.inquiry.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;

/**
 * INQUIRY_ANSWERED: the supplier wrote in a conversation a buyer opened. Every reply counts, not only the
 * first: a buyer who re-orders in the same conversation each season is answered each time.
 */
@Component
class InquiryActivity implements ActivitySource {

    private final NamedParameterJdbcTemplate named;

    InquiryActivity(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.INQUIRY_ANSWERED;
    }


    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        return ActivitySql.latest(named, """
                SELECT m.sender_org_id, {latest} FROM conversation_message m
                JOIN conversation c ON c.id = m.conversation_id AND c.supplier_org_id = m.sender_org_id AND c.opened_by = 'BUYER'
                WHERE m.sender_org_id IN (:ids) AND m.created_at <= :last GROUP BY m.sender_org_id""",
                "CASE WHEN m.created_at <= :before THEN m.created_at END", organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        // The time each conversation's supplier last replied is kept on the conversation: a loose scan of
        // (supplier_org_id, opened_by, supplier_replied_at), one index dive per supplier.
        return ActivitySql.latestOfAll(named, """
                SELECT supplier_org_id, MAX(supplier_replied_at) FROM conversation
                WHERE opened_by = 'BUYER' AND supplier_replied_at <= :now GROUP BY supplier_org_id""", now);
    }
}
