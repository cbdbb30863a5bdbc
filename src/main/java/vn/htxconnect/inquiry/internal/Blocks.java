package vn.htxconnect.inquiry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.internal.InquiryInputs.BlockSenderInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.BlockSenderPayload;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Organizations that an organization refuses inquiries and messages from. Any member may block or
 * unblock for the organization; blocking is one-way (the blocker can still write to the blocked).
 */
@Service
class Blocks {

    static final Message BLOCKED = Message.of("inquiry.blocked");

    private final JdbcTemplate jdbc;
    private final OrganizationService organizations;

    Blocks(JdbcTemplate jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** True when {@code organization} has blocked {@code sender}. */
    boolean blocked(long organization, long sender) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM blocked_sender"
                + " WHERE organization_id = ? AND blocked_organization_id = ?)", Boolean.class, organization, sender));
    }

    @Transactional
    public BlockSenderPayload block(BlockSenderInput in, boolean block) {
        long blocker = GlobalId.decode("input.organizationId", in.organizationId(), Organization.TYPE);
        Actor actor = Access.requireMember(blocker);
        ValidationErrors errors = new ValidationErrors();
        Long blockedId = GlobalId.tryDecode(in.blockedOrganizationId(), Organization.TYPE);
        Map<Long, Organization> found = organizations.findByIds(blockedId == null ? List.of(blocker)
                : List.of(blocker, blockedId));
        Organization blocked = blockedId == null ? null : found.get(blockedId);
        if (!found.containsKey(blocker)) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        }
        if (blocked == null) {
            errors.add("blockedOrganizationId", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        } else if (Objects.equals(blockedId, blocker)) {
            errors.add("blockedOrganizationId", UserErrorCode.INVALID, Message.of("inquiry.block.self"));
        }
        if (errors.hasErrors()) {
            return new BlockSenderPayload(null, false, errors.list(), in.clientMutationId());
        }
        if (block) {
            // Blocking twice is not an error: the outcome the caller asked for holds.
            jdbc.update("INSERT INTO blocked_sender (organization_id, blocked_organization_id, blocked_by_user_id, created_at)"
                    + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE organization_id = organization_id",
                    blocker, blockedId, actor.userId(), Timestamp.from(Instant.now()));
        } else {
            jdbc.update("DELETE FROM blocked_sender WHERE organization_id = ? AND blocked_organization_id = ?",
                    blocker, blockedId);
        }
        return new BlockSenderPayload(blocked, block, List.of(), in.clientMutationId());
    }

    /** The organizations {@code organizationId} has blocked, most recently blocked first; three statements. */
    @Transactional(readOnly = true)
    public Connection<Organization> list(String organizationId, int first, String after) {
        long org = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Access.requireMember(org);
        int offset = Cursors.offsetAfter(after);
        List<Long> ids = jdbc.queryForList("SELECT blocked_organization_id FROM blocked_sender WHERE organization_id = ?"
                + " ORDER BY created_at DESC, blocked_organization_id DESC LIMIT ? OFFSET ?", Long.class,
                org, first + 1, offset);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM blocked_sender WHERE organization_id = ?", Long.class, org);
        Map<Long, Organization> byId = organizations.findByIds(ids);
        return Connection.fromOffset(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), offset, first, total);
    }
}
