package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.OutboxHandler;

/** Health shows the backlog and which handlers' targets are down, for how long. */
class OutboxHealthIndicatorTests {

    @Test
    void downHandlersAreListedWithTheirSecondsDown() {
        Outbox outbox = mock(Outbox.class);
        when(outbox.backlog()).thenReturn(new Outbox.Backlog(42, 65, 0));
        OutboxTargets targets = new OutboxTargets();
        OutboxHandler down = OutboxTargetsTests.handler();
        OutboxHandler up = OutboxTargetsTests.handler();
        targets.probed(down, false, System.currentTimeMillis() - 65_000);
        targets.probed(up, true, System.currentTimeMillis());

        Health health = new OutboxHealthIndicator(outbox, targets).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("pending", 42L);
        @SuppressWarnings("unchecked")
        Map<String, Long> unreachable = (Map<String, Long>) health.getDetails().get("unreachableSeconds");
        assertThat(unreachable).hasSize(1);
        assertThat(unreachable.values().iterator().next()).isBetween(64L, 66L);
    }
}
