package vn.htxconnect.search.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param indexPrefix prepended to every index and alias name (tests use their own)
 * @param reindexWhenDefinitionChanges whether a product index built from another definition file (an
 *     upgrade changed {@code search-config/indices/products.json}) is rebuilt by a full reindex on its own
 * @param healIndex whether the product index is compared with MySQL at start-up and every {@code healInterval},
 *     and rebuilt from MySQL when it is missing or far behind ({@link ProductIndexHealer})
 * @param healInterval how often the product index is compared with MySQL
 * @param healTolerance how many products the index may lack (beyond those the outbox is still bringing) before it
 *     counts as far behind; 1 % of the catalogue when that is more
 */
@ConfigurationProperties("htx.search")
record SearchProperties(@DefaultValue("") String indexPrefix,
                        @DefaultValue("true") boolean reindexWhenDefinitionChanges,
                        @DefaultValue("true") boolean healIndex,
                        @DefaultValue("60s") Duration healInterval,
                        @DefaultValue("100") long healTolerance) {
}
