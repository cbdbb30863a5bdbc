package vn.htxconnect.platform;

/** A queued notice that an aggregate changed and derived indices must catch up. */
public record OutboxEvent(long id, String aggregateType, long aggregateId, String eventType, int attempts) {
}
