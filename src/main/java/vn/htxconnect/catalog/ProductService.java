package vn.htxconnect.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue's API for controllers and other modules (search indexing reads through it). */
public interface ProductService {

    /** The outbox type of a product change (aggregate id = the product's id); search indexes these. */
    String OUTBOX_TYPE = "product";

    ProductPayload create(ProductInput input);

    ProductPayload update(ProductInput input);

    ProductPayload archive(String id, Long expectedVersion, String clientMutationId);

    Optional<Product> findById(long id);

    /** Products with their certifications, in two SQL statements whatever the number of IDs. */
    Map<Long, Product> findByIds(Collection<Long> ids);

    /** IDs of an organization's products (to re-index them when the organization changes). */
    List<Long> idsOfOrganization(long organizationId);

    /** IDs of the products of any of these organizations, in one SQL statement. */
    List<Long> idsOfOrganizations(Collection<Long> organizationIds);

    /** Product IDs after {@code afterId} in ID order, for a full reindex in batches. */
    List<Long> idsAfter(long afterId, int limit);

    /**
     * Up to {@code limit} products with IDs in ({@code afterId}, {@code upToId}], in ID order, certifications included,
     * in two SQL statements: a full reindex reads the catalogue in such pages, several ID ranges side by side.
     */
    List<Product> productsBetween(long afterId, long upToId, int limit);

    /** The highest product ID, 0 when there are none (a full reindex splits 1..maxId into ranges). */
    long maxId();

    /** IDs of products changed at or after {@code since} (a reindex catches up on them after its alias swap). */
    List<Long> idsUpdatedSince(Instant since);

    long count();

    /**
     * Active products, leaving out those of the given organizations (search lists active products of active
     * organizations only): two counts, the first read from the status index alone, the second from the rows of
     * those organizations, so cheap while few organizations are left out.
     */
    long countActive(Collection<Long> exceptOrganizations);
}
