package vn.htxconnect.inquiry.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.internal.InquiryInputs.ConversationFilter;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;

/**
 * An organization's conversations, newest activity first, paged by keyset (last activity, ID) so
 * a page costs two statements however deep it is.
 */
@Service
class Inbox {

    private final ConversationStore store;

    Inbox(ConversationStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Connection<Conversation> list(ConversationFilter filter, int first, String after) {
        if (filter == null || filter.organizationId() == null) {
            throw ApiException.badRequest("filter.organizationId", Message.of("input.required", "filter.organizationId"));
        }
        long org = GlobalId.decode("filter.organizationId", filter.organizationId(), Organization.TYPE);
        Access.requireMember(org);
        boolean unreadOnly = Boolean.TRUE.equals(filter.unreadOnly());
        Instant afterAt = null;
        Long afterId = null;
        if (after != null) {
            String[] parts = Cursors.decode("after", after).split(":");
            try {
                if (parts.length != 3 || !parts[0].equals("c")) {
                    throw new IllegalArgumentException();
                }
                afterAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                afterId = Long.parseLong(parts[2]);
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
            }
        }
        List<Conversation> fetched = store.inbox(org, unreadOnly, afterAt, afterId, first + 1);
        boolean hasNext = fetched.size() > first;
        List<Conversation> page = (hasNext ? fetched.subList(0, first) : fetched).stream()
                .map(c -> c.viewedAs(c.roleOf(org))).toList();
        return Connection.fromKeyed(page, Inbox::cursor, hasNext, after != null, store.inboxCount(org, unreadOnly));
    }

    private static String cursor(Conversation c) {
        return Cursors.encode("c:" + ChronoUnit.MICROS.between(Instant.EPOCH, c.lastMessageAt()) + ":" + c.databaseId());
    }
}
