package vn.htxconnect.notification.internal;

import java.util.List;

import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.UserError;

/** Inputs, payloads and the connection of the notification API, as GraphQL binds and returns them. */
final class NotificationInputs {

    private NotificationInputs() {
    }

    record MarkNotificationsReadInput(String organizationId, List<String> ids, String clientMutationId) {
    }

    record MarkNotificationsReadPayload(int markedCount, long unreadCount, List<UserError> errors,
                                        String clientMutationId) {
    }

    record SetNotificationDigestInput(boolean enabled, String clientMutationId) {
    }

    record SetNotificationDigestPayload(NotificationDigests.Setting digest, List<UserError> errors,
                                        String clientMutationId) {
    }

    /** A page of notifications with the organization's unread count. */
    record NotificationConnection(List<Connection.Edge<Notification>> edges, Connection.PageInfo pageInfo,
                                  long totalCount, long unreadCount) {
    }
}
