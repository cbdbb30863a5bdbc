package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.Outbox;

/**
 * Shows the index-update backlog in actuator health: pending events, the oldest one's age, and the
 * handlers whose target this instance finds unreachable (with how long, in seconds) while their events
 * wait. Stays up: the app serves, and the target's own indicator (Elasticsearch) reports it down.
 */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

    private final Outbox outbox;
    private final OutboxTargets targets;

    OutboxHealthIndicator(Outbox outbox, OutboxTargets targets) {
        this.outbox = outbox;
        this.targets = targets;
    }

    @Override
    public Health health() {
        Outbox.Backlog b = outbox.backlog();
        long now = System.currentTimeMillis();
        Map<String, Long> unreachable = new LinkedHashMap<>();
        targets.down().forEach(h -> unreachable.put(OutboxDispatcher.name(h), (now - targets.since(h)) / 1000));
        return Health.up()
                .withDetail("pending", b.pending())
                .withDetail("oldestAgeSeconds", b.oldestAgeSeconds())
                .withDetail("maxAttempts", b.maxAttempts())
                .withDetail("unreachableSeconds", unreachable)
                .build();
    }
}
