package vn.htxconnect.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The product index in actuator health: DEGRADED (answered with HTTP 200, see {@code management.endpoint.health.status})
 * while it is missing, far behind MySQL or being rebuilt, so search answers from part of the catalogue; DOWN only
 * when Elasticsearch does not answer; UP once it holds about what MySQL lists. Reports the last check, never runs one.
 */
@Component("productIndex")
class ProductIndexHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Search answers from part of the catalogue");

    private final ProductIndexHealer healer;
    private final SearchProperties properties;

    ProductIndexHealthIndicator(ProductIndexHealer healer, SearchProperties properties) {
        this.healer = healer;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ProductIndexHealer.Snapshot s = healer.snapshot();
        Health.Builder health = switch (s.state()) {
            case OK -> Health.up();
            case UNREACHABLE -> Health.down();
            case UNKNOWN -> Health.unknown();
            case MISSING, BEHIND, REBUILDING -> Health.status(DEGRADED);
        };
        health.withDetail("state", s.state().name()).withDetail("selfHealing", properties.healIndex());
        if (s.lastCheck() != null) {
            health.withDetail("indexed", s.indexed()).withDetail("expected", s.expected())
                    .withDetail("lastCheck", s.lastCheck().toString());
        }
        if (s.jobId() != null) {
            health.withDetail("job", s.jobId()).withDetail("rebuilt", s.rebuilt());
        }
        return health.build();
    }
}
