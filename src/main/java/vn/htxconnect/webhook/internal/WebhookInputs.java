package vn.htxconnect.webhook.internal;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.platform.UserError;
import vn.htxconnect.webhook.WebhookEventType;

/** GraphQL inputs, payloads and views of the webhook API. */
final class WebhookInputs {

    private WebhookInputs() {
    }

    static final String ENDPOINT_TYPE = "WebhookEndpoint";
    static final String DELIVERY_TYPE = "WebhookDelivery";

    record WebhookFilterInput(List<String> provinces, List<String> categories) {
    }

    record CreateWebhookInput(String organizationId, String url, String description, List<WebhookEventType> eventTypes,
                              WebhookFilterInput filter, String clientMutationId) {
    }

    record UpdateWebhookInput(String id, String url, String description, List<WebhookEventType> eventTypes,
                              WebhookFilterInput filter, Boolean enabled, String clientMutationId) {
    }

    record WebhookIdInput(String id, String clientMutationId) {
    }

    record RedeliverWebhookInput(String deliveryId, String clientMutationId) {
    }

    /** Province codes and category codes an endpoint hears (empty: all). */
    record WebhookFilter(List<String> provinces, List<String> categories) {
    }

    record WebhookEndpoint(String id, String organizationId, String url, String description, List<WebhookEventType> eventTypes,
                           WebhookFilter filter, boolean enabled, int failureStreak, Instant failingSince, Instant disabledAt,
                           Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
    }

    record WebhookDelivery(String id, String messageId, String endpointId, WebhookEventType eventType, String objectId,
                           String state, int attempt, Integer statusCode, Integer latencyMs, String error,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt, String payload) {
    }

    record WebhookSecretPayload(WebhookEndpoint endpoint, String secret, List<UserError> errors, String clientMutationId) {
    }

    record WebhookPayload(WebhookEndpoint endpoint, List<UserError> errors, String clientMutationId) {
    }

    record DeleteWebhookPayload(String deletedId, List<UserError> errors, String clientMutationId) {
    }

    record RedeliverWebhookPayload(WebhookDelivery delivery, List<UserError> errors, String clientMutationId) {
    }
}
