package vn.htxconnect.search;

import java.io.IOException;

/**
 * Names and creation of the versioned indices behind aliases, for modules that keep an index of
 * their own (defined in {@code search-config/indices/<logical>.json}) and query it.
 */
public interface IndexAliases {

    /** The logical name of the product index. */
    String PRODUCTS = "products";

    /** The alias of a logical index, with this instance's prefix. */
    String alias(String logical);

    /**
     * Whether a write target is a version itself ({@code products_v2}, as a full reindex loads it) rather
     * than an alias: writes through an alias require it to exist, so a missing alias never turns into a
     * stray index of that name with guessed mappings.
     */
    static boolean isVersion(String index) {
        return index.matches(".*_v\\d+");
    }

    /** Creates version 1 of the index behind its alias if the alias does not exist yet. */
    void ensure(String logical) throws IOException;

    /**
     * Forgets which aliases are known to exist, so the next {@link #ensure} asks Elasticsearch again:
     * call it after a write failed, as the alias may have gone missing.
     */
    void invalidate();

    /**
     * Whether Elasticsearch answers a cluster-health request within about a second: the cheap probe of
     * the outbox handlers that write or read an index ({@code OutboxHandler.reachable}). Never throws.
     */
    boolean reachable();
}
