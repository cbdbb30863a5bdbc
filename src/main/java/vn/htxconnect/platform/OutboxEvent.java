package vn.htxconnect.platform;

/**
 * A queued notice that an aggregate changed and a side effect must follow: an index catches up,
 * matches are looked for. {@code attempts} counts failed handlings so far.
 */
public record OutboxEvent(long id, String aggregateType, long aggregateId, String eventType, int attempts) {
}
