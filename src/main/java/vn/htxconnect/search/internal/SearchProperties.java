package vn.htxconnect.search.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param indexPrefix prepended to every index and alias name (tests use their own)
 * @param outboxBatchSize events drained per transaction
 * @param outboxPollInterval pause between polls when the outbox is empty
 * @param indexerEnabled whether this instance drains the outbox
 * @param reindexWhenDefinitionChanges whether a product index built from another definition file (an
 *     upgrade changed {@code search-config/indices/products.json}) is rebuilt by a full reindex on its own
 */
@ConfigurationProperties("htx.search")
record SearchProperties(@DefaultValue("") String indexPrefix, @DefaultValue("500") int outboxBatchSize,
                        @DefaultValue("200ms") Duration outboxPollInterval, @DefaultValue("true") boolean indexerEnabled,
                        @DefaultValue("true") boolean reindexWhenDefinitionChanges) {
}
