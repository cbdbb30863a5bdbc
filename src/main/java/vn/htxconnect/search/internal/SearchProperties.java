package vn.htxconnect.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param indexPrefix prepended to every index and alias name (tests use their own)
 * @param reindexWhenDefinitionChanges whether a product index built from another definition file (an
 *     upgrade changed {@code search-config/indices/products.json}) is rebuilt by a full reindex on its own
 */
@ConfigurationProperties("htx.search")
record SearchProperties(@DefaultValue("") String indexPrefix,
                        @DefaultValue("true") boolean reindexWhenDefinitionChanges) {
}
