package vn.htxconnect.notification;

import java.util.Map;

/** The notification module's API for other modules. */
public interface NotificationService {

    /**
     * Adds a notification for every member of {@code organizationId}. Must run inside the caller's
     * transaction, so the notification commits (or not) with the change it tells about and none is
     * lost or sent for a change that rolled back.
     *
     * @param subjectId global ID of what the notification is about (a request, a product…), or null
     * @param params the values its kind's text template names (see {@link NotificationKind}); plain text
     */
    void notify(long organizationId, NotificationKind kind, String subjectId, Map<String, String> params);
}
