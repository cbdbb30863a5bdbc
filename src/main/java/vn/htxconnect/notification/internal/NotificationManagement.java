package vn.htxconnect.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadInput;
import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadPayload;
import vn.htxconnect.notification.internal.NotificationInputs.NotificationConnection;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Writes, lists and marks notifications. An organization's members (and admins) read its list; a
 * read mark is the organization's, so one member reading clears it for all: the news is about the
 * organization's requests and products, and whoever handles it handles it for everyone.
 */
@Service
class NotificationManagement implements NotificationService {

    /** Most IDs one markNotificationsRead may name. */
    static final int MAX_IDS = 100;

    private final NotificationStore store;

    NotificationManagement(NotificationStore store) {
        this.store = store;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(long organizationId, NotificationKind kind, String subjectId, Map<String, String> params) {
        store.insert(organizationId, kind, subjectId, new LinkedHashMap<>(params), Instant.now());
    }

    @Transactional(readOnly = true)
    public NotificationConnection list(String organizationId, Boolean unreadOnly, int first, String after) {
        long org = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Access.requireMember(org);
        Long before = null;
        if (after != null) {
            String raw = Cursors.decode("after", after);
            try {
                if (!raw.startsWith("n:")) {
                    throw new NumberFormatException();
                }
                before = Long.parseLong(raw.substring(2));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("after", Message.of("paging.cursor.invalid"));
            }
        }
        boolean unread = Boolean.TRUE.equals(unreadOnly);
        List<Notification> fetched = store.page(org, unread, before, first + 1);
        boolean hasNext = fetched.size() > first;
        NotificationStore.Counts counts = store.counts(org);
        Connection<Notification> page = Connection.fromKeyed(hasNext ? fetched.subList(0, first) : fetched,
                n -> Cursors.encode("n:" + n.databaseId()), hasNext, after != null, unread ? counts.unread() : counts.total());
        return new NotificationConnection(page.edges(), page.pageInfo(), page.totalCount(), counts.unread());
    }

    /** One notification, for {@code node(id:)}: only its organization's members (and admins) see it. */
    @Transactional(readOnly = true)
    public Optional<Notification> find(long id) {
        Optional<Notification> n = store.find(id);
        n.ifPresent(x -> Access.requireMember(x.organizationId()));
        return n;
    }

    @Transactional
    public MarkNotificationsReadPayload markRead(MarkNotificationsReadInput in) {
        ValidationErrors errors = new ValidationErrors();
        Long org = GlobalId.tryDecode(in.organizationId(), Organization.TYPE);
        if (org == null) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("organization.id.unknown", "organizationId"));
            return new MarkNotificationsReadPayload(0, 0, errors.list(), in.clientMutationId());
        }
        Access.requireMember(org);
        List<Long> ids = null;
        if (in.ids() != null) {
            if (in.ids().size() > MAX_IDS) {
                errors.add("ids", UserErrorCode.OUT_OF_RANGE, Message.of("notification.ids.tooMany", MAX_IDS));
            } else {
                ids = new ArrayList<>();
                for (int i = 0; i < in.ids().size(); i++) {
                    Long id = GlobalId.tryDecode(in.ids().get(i), Notification.TYPE);
                    if (id == null) {
                        errors.add("ids[" + i + "]", UserErrorCode.INVALID, Message.of("notification.id.invalid"));
                    } else {
                        ids.add(id);
                    }
                }
                Set<Long> owned = ids.isEmpty() ? Set.of() : new HashSet<>(store.owned(org, ids));
                for (int i = 0; i < in.ids().size(); i++) {
                    Long id = GlobalId.tryDecode(in.ids().get(i), Notification.TYPE);
                    if (id != null && !owned.contains(id)) {
                        // Another organization's notification is reported like a missing one.
                        errors.add("ids[" + i + "]", UserErrorCode.NOT_FOUND, Message.of("notification.notFound"));
                    }
                }
            }
        }
        if (errors.hasErrors()) {
            return new MarkNotificationsReadPayload(0, store.unread(org), errors.list(), in.clientMutationId());
        }
        int marked = ids != null && ids.isEmpty() ? 0 : store.markRead(org, ids, Instant.now());
        return new MarkNotificationsReadPayload(marked, store.unread(org), List.of(), in.clientMutationId());
    }
}
