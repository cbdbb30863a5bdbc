package vn.htxconnect.notification.internal;

import java.time.Instant;
import java.util.Map;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.platform.GlobalId;

/** A stored notification; its title and message are rendered per reader from {@code kind} and {@code params}. */
record Notification(long databaseId, long organizationId, NotificationKind kind, String subjectId,
                    Map<String, String> params, Instant createdAt, Instant readAt) {

    static final String TYPE = "Notification";

    /** Opaque global ID. */
    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }
}
