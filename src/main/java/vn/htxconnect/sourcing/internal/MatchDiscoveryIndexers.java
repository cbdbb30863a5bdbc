package vn.htxconnect.sourcing.internal;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.search.AggregateIndexer;
import vn.htxconnect.search.IndexAliases;

/**
 * The outbox drain's entry points into {@link MatchDiscovery}: they write no index but read one,
 * which the drain makes sure exists and whose alias it passes in. IDs whose discovery failed
 * (Elasticsearch down) are returned and retried with the outbox's backoff.
 */
final class MatchDiscoveryIndexers {

    private MatchDiscoveryIndexers() {
    }

    /** Requests created, changed or resumed: which products match them now. */
    @Component
    static class ForRequests implements AggregateIndexer {

        private final MatchDiscovery discovery;

        ForRequests(MatchDiscovery discovery) {
            this.discovery = discovery;
        }

        @Override
        public String aggregateType() {
            return MatchDiscovery.REQUEST_TYPE;
        }

        @Override
        public String logicalIndex() {
            return IndexAliases.PRODUCTS;
        }

        @Override
        public Set<Long> index(Collection<Long> ids, String index) {
            return discovery.forRequests(ids, index);
        }
    }

    /** Products listed or changed: which open requests they serve now. */
    @Component
    static class ForProducts implements AggregateIndexer {

        private final MatchDiscovery discovery;

        ForProducts(MatchDiscovery discovery) {
            this.discovery = discovery;
        }

        @Override
        public String aggregateType() {
            return MatchDiscovery.PRODUCT_TYPE;
        }

        @Override
        public String logicalIndex() {
            return RequestIndexer.INDEX;
        }

        @Override
        public Set<Long> index(Collection<Long> ids, String index) {
            return discovery.forProducts(ids, index);
        }
    }
}
