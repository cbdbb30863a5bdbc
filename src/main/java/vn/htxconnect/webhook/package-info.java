/**
 * Webhooks for partners: organizations (their owners) and the platform's admins register HTTPS endpoints for
 * event types, and every matching event is POSTed there signed the Standard Webhooks way ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}), at least once, in order per object, retried with
 * backoff for more than a day. Other modules call {@link vn.htxconnect.webhook.WebhookEvents#publish} inside the
 * transaction that makes a change, with the fields its audience may see; the event is fanned out to endpoints
 * from the outbox and sent by this module's own delivery poll. An endpoint that keeps failing is disabled and
 * its owner told through a {@link vn.htxconnect.webhook.WebhookEndpointDisabled} application event (the
 * notification module turns it into a notification). Depends only on platform and region, so every module
 * that owns events may depend on it.
 */
package vn.htxconnect.webhook;
