package vn.htxconnect.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadInput;
import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadPayload;
import vn.htxconnect.notification.internal.NotificationInputs.NotificationConnection;
import vn.htxconnect.notification.internal.NotificationInputs.SetNotificationDigestInput;
import vn.htxconnect.notification.internal.NotificationInputs.SetNotificationDigestPayload;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.CredentialCheck;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.NodeResolver;

/** Notification list, read marks, the live subscription, and texts in the reader's language. */
@Controller
class NotificationController implements NodeResolver {

    private final NotificationManagement notifications;
    private final NotificationDigests digests;
    private final NotificationFeed feed;
    private final CredentialCheck credentials;

    NotificationController(NotificationManagement notifications, NotificationFeed feed, CredentialCheck credentials,
                           NotificationDigests digests) {
        this.digests = digests;
        this.notifications = notifications;
        this.feed = feed;
        this.credentials = credentials;
    }

    @QueryMapping
    NotificationConnection notifications(@Argument String organizationId, @Argument Boolean unreadOnly,
                                         @Argument Integer first, @Argument String after) {
        return notifications.list(organizationId, unreadOnly, Cursors.first(first), after);
    }

    @MutationMapping
    MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input) {
        return notifications.markRead(input);
    }

    /** The caller's own digest setting: a person's, so API keys (no person) are refused. */
    @QueryMapping
    NotificationDigests.Setting notificationDigest() {
        return digests.get(Access.requireUser().userId());
    }

    @MutationMapping
    SetNotificationDigestPayload setNotificationDigest(@Argument SetNotificationDigestInput input) {
        Actor actor = Access.requireUser();
        return new SetNotificationDigestPayload(digests.set(actor.userId(), input.enabled(), Instant.now()), List.of(),
                input.clientMutationId());
    }

    /** Checked once, when the subscription starts: only the organization's members (and admins) follow it. */
    /**
     * A member's live feed. The credentials it was opened with are checked again before every notification:
     * once they expired or were revoked, or the member left the organization, the subscription ends with
     * UNAUTHENTICATED or FORBIDDEN instead of sending on.
     */
    @SubscriptionMapping
    Flux<Notification> notificationAdded(@Argument String organizationId) {
        long org = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Access.requireMember(org);
        Authentication openedWith = SecurityContextHolder.getContext().getAuthentication();
        // Checked off the feed's polling thread: the check reads the database, the poll serves every subscriber.
        return feed.follow(org).publishOn(Schedulers.boundedElastic()).concatMap(n -> {
            Actor now = credentials.current(openedWith).orElse(null);
            if (now == null) {
                return Mono.error(new ApiException(ErrorCode.UNAUTHENTICATED,
                        Message.of("notification.subscription.signInGone")));
            }
            if (!now.memberOf(org) && !now.isAdmin()) {
                return Mono.error(new ApiException(ErrorCode.FORBIDDEN, Message.of("notification.subscription.notMember")));
            }
            return Mono.just(n);
        });
    }

    @SchemaMapping(typeName = "Notification", field = "title")
    String title(Notification n, GraphQLContext context) {
        return NotificationTemplates.title(n.kind(), n.params(), context.getOrDefault(Messages.LANGUAGE, "vi"));
    }

    @SchemaMapping(typeName = "Notification", field = "message")
    String message(Notification n, GraphQLContext context) {
        return NotificationTemplates.message(n.kind(), n.params(), context.getOrDefault(Messages.LANGUAGE, "vi"));
    }

    @SchemaMapping(typeName = "Notification", field = "read")
    boolean read(Notification n) {
        return n.readAt() != null;
    }

    @Override
    public String typeName() {
        return Notification.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return notifications.find(id);
    }
}
