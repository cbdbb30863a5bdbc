package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;
import vn.htxconnect.platform.internal.OutboxTargets.Change;

/** The up/down bookkeeping of handlers' targets, with explicit times. */
class OutboxTargetsTests {

    final OutboxTargets targets = new OutboxTargets();
    final OutboxHandler a = handler();
    final OutboxHandler b = handler();

    static OutboxHandler handler() {
        return new OutboxHandler() {
            @Override
            public Set<String> aggregateTypes() {
                return Set.of("x");
            }

            @Override
            public Collection<OutboxEvent> handle(OutboxBatch batch) {
                return List.of();
            }
        };
    }

    @Test
    void unknownAtStartSoProbedOnceThenLeftAloneWhileUp() {
        assertThat(targets.isDown(a)).isFalse();
        assertThat(targets.probeDue(a, 5_000, 1_000)).isTrue();
        assertThat(targets.probed(a, true, 5_000)).isEqualTo(Change.FOUND_UP);
        assertThat(targets.probeDue(a, 60_000, 1_000)).isFalse();
        assertThat(targets.probed(a, true, 6_000)).isEqualTo(Change.STILL_UP);
    }

    @Test
    void goesDownOnceIsProbedPerIntervalAndComesBack() {
        targets.probed(a, true, 0);
        assertThat(targets.probed(a, false, 10_000)).isEqualTo(Change.WENT_DOWN);
        assertThat(targets.isDown(a)).isTrue();
        assertThat(targets.isDown(b)).isFalse();
        assertThat(targets.down()).containsExactly(a);
        assertThat(targets.probeDue(a, 10_500, 1_000)).isFalse();
        assertThat(targets.probeDue(a, 11_000, 1_000)).isTrue();
        // Still down: one WENT_DOWN (one log line), then quiet; down since the first failure.
        assertThat(targets.probed(a, false, 11_000)).isEqualTo(Change.STILL_DOWN);
        assertThat(targets.since(a)).isEqualTo(10_000);
        assertThat(targets.probed(a, true, 12_000)).isEqualTo(Change.CAME_BACK);
        assertThat(targets.isDown(a)).isFalse();
        assertThat(targets.down()).isEmpty();
        assertThat(targets.since(a)).isEqualTo(12_000);
    }

    @Test
    void aTrialComesOncePerPeriodOfBeingDown() {
        assertThat(targets.trialDue(a, 0, 30_000)).isFalse(); // unknown: not down
        targets.probed(a, false, 1_000);
        assertThat(targets.trialDue(a, 30_000, 30_000)).isFalse();
        targets.probed(a, false, 30_500); // probes do not postpone it
        assertThat(targets.trialDue(a, 31_000, 30_000)).isTrue();
        assertThat(targets.trialDue(a, 31_001, 30_000)).isFalse();
        assertThat(targets.trialDue(a, 61_000, 30_000)).isTrue();
        targets.probed(a, true, 62_000);
        assertThat(targets.trialDue(a, 200_000, 30_000)).isFalse();
    }

    @Test
    void downStraightFromUnknownAndBackToUnknownAfterAFailedRelease() {
        assertThat(targets.probed(a, false, 1_000)).isEqualTo(Change.WENT_DOWN);
        targets.unknown(a, 2_000);
        assertThat(targets.isDown(a)).isFalse();
        assertThat(targets.probeDue(a, 2_500, 1_000)).isFalse();
        assertThat(targets.probeDue(a, 3_000, 1_000)).isTrue();
        assertThat(targets.probed(a, true, 3_000)).isEqualTo(Change.FOUND_UP);
    }
}
