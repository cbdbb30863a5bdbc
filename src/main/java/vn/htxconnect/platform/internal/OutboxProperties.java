package vn.htxconnect.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox dispatch settings.
 *
 * @param batchSize events claimed per transaction
 * @param pollInterval pause between polls once the outbox is drained
 * @param enabled whether this instance drains the outbox (every instance may; claims never overlap)
 */
@ConfigurationProperties("htx.outbox")
record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("200ms") Duration pollInterval,
                        @DefaultValue("true") boolean enabled) {
}
