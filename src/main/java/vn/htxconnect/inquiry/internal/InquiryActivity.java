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
        // Each conversation's latest message per sender by a loose scan of (conversation_id, sender_org_id,
        // created_at): the cost follows conversations, not messages.
        return ActivitySql.latestOfAll(named, """
                SELECT c.supplier_org_id, MAX(m.last_at) FROM conversation c
                JOIN (SELECT conversation_id, sender_org_id, MAX(created_at) AS last_at FROM conversation_message
                      WHERE created_at <= :now GROUP BY conversation_id, sender_org_id) m
                  ON m.conversation_id = c.id AND m.sender_org_id = c.supplier_org_id
                WHERE c.opened_by = 'BUYER' GROUP BY c.supplier_org_id""", now);
    }
}
