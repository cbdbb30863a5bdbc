package vn.htxconnect.platform.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Outbox;

/** Shows the index-update backlog in actuator health: pending events and the oldest one's age. */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

    private final Outbox outbox;

    OutboxHealthIndicator(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Outbox.Backlog b = outbox.backlog();
        return Health.up()
                .withDetail("pending", b.pending())
                .withDetail("oldestAgeSeconds", b.oldestAgeSeconds())
                .withDetail("maxAttempts", b.maxAttempts())
                .build();
    }
}
