package vn.htxconnect.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts a full product reindex when the live index was built from another definition file than this
 * app's ({@link IndexManager#outdated}): after an upgrade that adds fields or changes analysis, every
 * document is rebuilt from MySQL into a new version and the alias swapped, with search working
 * throughout. One reindex runs at a time across instances; the others see it running and wait.
 */
@Component
class IndexDefinitionWatcher {

    private static final Logger log = LoggerFactory.getLogger(IndexDefinitionWatcher.class);

    private final IndexManager indices;
    private final ProductReindexer reindexer;
    private final SearchProperties properties;

    IndexDefinitionWatcher(IndexManager indices, ProductReindexer reindexer, SearchProperties properties) {
        this.indices = indices;
        this.reindexer = reindexer;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${htx.search.definition-check-delay:5s}", fixedDelayString = "${htx.search.definition-check-interval:1m}")
    void check() {
        if (!properties.reindexWhenDefinitionChanges()) {
            return;
        }
        try {
            indices.ensureProducts();
            if (indices.outdated(IndexManager.PRODUCTS)) {
                // Another instance may have rebuilt it meanwhile: look again before starting one more.
                indices.recheck(IndexManager.PRODUCTS);
            }
            if (indices.outdated(IndexManager.PRODUCTS)) {
                SearchJob job = reindexer.start();
                log.info("Product index definition changed: reindex {} started", job.id());
            }
        } catch (SearchJobs.AlreadyRunning e) {
            log.debug("Product index definition changed; a reindex is running already ({})", e.running.id());
        } catch (Exception e) {
            log.debug("Product index definition not checked now: {}", e.toString());
        }
    }
}
