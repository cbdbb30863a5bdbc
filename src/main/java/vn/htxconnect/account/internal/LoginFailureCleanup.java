package vn.htxconnect.account.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling counts {@code login_failure} rows inside the failure window (shared by every instance,
 * since they are rows of the one database); rows older than the window no longer count and are deleted here in
 * small batches, so failures against unknown e-mails (never cleared by a successful sign-in) do not pile up.
 * Several instances may run it at once: each batch is one short statement.
 */
@Component
class LoginFailureCleanup {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final SecurityProperties properties;

    LoginFailureCleanup(JdbcTemplate jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${htx.security.failure-cleanup-interval:5m}",
            initialDelayString = "${htx.security.failure-cleanup-interval:5m}")
    void removeExpired() {
        int removed = removeOlderThan(Instant.now().minus(properties.failureWindow()));
        for (int i = 0; i < 100 && removed >= BATCH; i++) {
            removed = removeOlderThan(Instant.now().minus(properties.failureWindow()));
        }
    }

    int removeOlderThan(Instant before) {
        return jdbc.update("DELETE FROM login_failure WHERE failed_at < ? LIMIT " + BATCH,
                Timestamp.from(before));
    }
}
