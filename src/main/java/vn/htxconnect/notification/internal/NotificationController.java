package vn.htxconnect.notification.internal;

import java.util.Optional;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadInput;
import vn.htxconnect.notification.internal.NotificationInputs.MarkNotificationsReadPayload;
import vn.htxconnect.notification.internal.NotificationInputs.NotificationConnection;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.NodeResolver;

/** Notification list, read marks, the live subscription, and texts in the reader's language. */
@Controller
class NotificationController implements NodeResolver {

    private final NotificationManagement notifications;
    private final NotificationFeed feed;

    NotificationController(NotificationManagement notifications, NotificationFeed feed) {
        this.notifications = notifications;
        this.feed = feed;
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

    /** Checked once, when the subscription starts: only the organization's members (and admins) follow it. */
    @SubscriptionMapping
    Flux<Notification> notificationAdded(@Argument String organizationId) {
        long org = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        Access.requireMember(org);
        return feed.follow(org);
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
