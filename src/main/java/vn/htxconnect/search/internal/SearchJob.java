package vn.htxconnect.search.internal;

import java.time.Duration;
import java.time.Instant;

import vn.htxconnect.platform.GlobalId;

/**
 * A search maintenance job (a full reindex) as stored in {@code search_job} and shown by the admin API.
 *
 * @param total products to go through (all of them, whatever their status)
 * @param processed products written to (or removed from) the new index so far
 * @param caughtUp products re-indexed after the alias swap because they changed during the job
 * @param loadedAt when the bulk load finished (before the swap and the catch-up)
 */
record SearchJob(long databaseId, Kind kind, Status status, String index, long total, long processed, long caughtUp,
                 Instant startedAt, Instant loadedAt, Instant finishedAt, Instant heartbeatAt, String error) {

    static final String TYPE = "SearchJob";

    /** What a job does. */
    enum Kind { PRODUCT_REINDEX }

    /** Where a job is. */
    enum Status { RUNNING, SUCCEEDED, FAILED }

    public String id() {
        return GlobalId.encode(TYPE, databaseId);
    }

    /** Products per second of the bulk load (up to now while it runs). */
    public Double docsPerSecond() {
        Instant end = loadedAt != null ? loadedAt : finishedAt != null ? finishedAt : Instant.now();
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        return seconds <= 0 ? null : Math.round(processed / seconds * 10) / 10.0;
    }
}
