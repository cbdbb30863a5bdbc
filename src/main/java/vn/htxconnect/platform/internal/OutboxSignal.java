package vn.htxconnect.platform.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this instance's dispatcher that events were committed, so it drains them at once instead of at its next
 * poll. The poll stays, less often, for what other instances commit and for events coming due after a backoff.
 * A holder of its own so the outbox (written to by everyone) does not depend on the dispatcher (which reads it).
 */
@Component
public class OutboxSignal {

    private final AtomicReference<Runnable> listener = new AtomicReference<>(() -> { });

    void onCommit(Runnable wake) {
        listener.set(wake);
    }

    /**
     * Raises the signal when the current transaction commits (at once without one); once per transaction, however
     * many events it enqueues (an import enqueues one per row).
     */
    public void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            listener.get().run();
            return;
        }
        // Synchronizations belong to one transaction (a REQUIRES_NEW one inside it has its own list).
        if (TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(WakeAfterCommit.class::isInstance)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new WakeAfterCommit());
    }

    private final class WakeAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            listener.get().run();
        }
    }
}
