package vn.htxconnect.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox dispatch settings.
 *
 * @param batchSize events claimed per transaction
 * @param pollInterval pause between polls once the outbox is drained; events committed on this instance are drained
 *                     at once anyway ({@link OutboxSignal}), the poll finds those of other instances and those
 *                     coming due after a backoff
 * @param enabled whether this instance drains the outbox (every instance may; claims never overlap)
 * @param probeInterval how often the target of a handler that is down is probed
 *                      ({@link vn.htxconnect.platform.OutboxHandler#reachable}); its events are released
 *                      as soon as one probe succeeds
 * @param unreachableHold how long the events of a handler that is down wait at most before they are tried
 *                        again without a successful probe: a safety net for when the instance that held
 *                        them stopped; no attempt is counted against them
 */
@ConfigurationProperties("htx.outbox")
record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
                        @DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration probeInterval,
                        @DefaultValue("30s") Duration unreachableHold) {
}
