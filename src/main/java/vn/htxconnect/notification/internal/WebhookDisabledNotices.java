package vn.htxconnect.notification.internal;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.webhook.WebhookEndpointDisabled;

/**
 * Tells an organization that one of its webhook endpoints was disabled. A listener here rather than a call from the
 * webhook module: organizations publish webhook events, and notifications depend on organizations, so the webhook
 * module must not depend on notifications. Runs in the transaction that disabled the endpoint.
 */
@Component
class WebhookDisabledNotices {

    private final NotificationService notifications;

    WebhookDisabledNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(WebhookEndpointDisabled event) {
        if (event.organizationId() != null) {
            notifications.notify(event.organizationId(), NotificationKind.WEBHOOK_DISABLED, event.endpointId(),
                    Map.of("subject", event.url(), "count", Integer.toString(event.failures())));
        }
    }
}
