package vn.htxconnect.webhook;

import java.util.List;

/** The webhook module's API for the modules that own events. */
public interface WebhookEvents {

    /**
     * Queues an event for every matching endpoint. Must run inside the transaction that makes the change: the
     * event is sent only if it commits, and is never lost once it has.
     */
    void publish(WebhookEvent event);

    /** Queues many events at once (a CSV import's batch): the same as publishing each, in a few batched statements. */
    void publishAll(List<WebhookEvent> events);
}
