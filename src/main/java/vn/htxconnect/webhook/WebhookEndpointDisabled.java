package vn.htxconnect.webhook;

/**
 * Published (as a Spring application event, inside the transaction that disables it) when an endpoint was
 * disabled after repeated failure, so its owner can be told.
 *
 * @param organizationId the owning organization, or null for an admin-owned endpoint
 * @param endpointId the endpoint's global ID
 * @param url where it pointed
 * @param failures consecutive failed deliveries that led to it
 */
public record WebhookEndpointDisabled(Long organizationId, String endpointId, String url, int failures) {
}
