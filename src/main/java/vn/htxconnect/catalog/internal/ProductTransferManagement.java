package vn.htxconnect.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductTransfers;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Outbox;

/**
 * Bulk moves in three statements whatever the number of products; each moved product's version and
 * update time change (editors holding the old version get a conflict, a running reindex catches up on it).
 */
@Service
class ProductTransferManagement implements ProductTransfers {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    private final ProductActivity activity;
    private final ProductRepository repository;
    private final ProductWrites writes;
    private final EntityManager entityManager;

    ProductTransferManagement(JdbcTemplate jdbc, Outbox outbox, ProductActivity activity, ProductRepository repository,
                              ProductWrites writes, EntityManager entityManager) {
        this.activity = activity;
        this.repository = repository;
        this.writes = writes;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> moveAll(long fromOrganizationId, long toOrganizationId) {
        Access.requireAlliance();
        List<Long> ids = jdbc.queryForList("SELECT id FROM product WHERE organization_id = ? ORDER BY id FOR UPDATE",
                Long.class, fromOrganizationId);
        if (ids.isEmpty() || fromOrganizationId == toOrganizationId) {
            return List.of();
        }
        // The unique (organization_id, external_ref) key would refuse the move: the target's reference wins.
        jdbc.update("""
                UPDATE product p JOIN product t ON t.organization_id = ? AND t.external_ref = p.external_ref
                SET p.external_ref = NULL WHERE p.organization_id = ?""", toOrganizationId, fromOrganizationId);
        jdbc.update("""
                UPDATE product SET organization_id = ?, updated_at = ?, version = version + 1 WHERE organization_id = ?""",
                toOrganizationId, Timestamp.from(Instant.now()), fromOrganizationId);
        outbox.enqueueAll(ProductService.OUTBOX_TYPE, ids, "updated");
        activity.inherit(fromOrganizationId, toOrganizationId);
        // Partners hear that the products changed hands (product changed, with the new organization). The update
        // above bypassed the persistence context: an entity it already held is read again.
        List<ProductEntity> moved = repository.findWithCertifications(ids);
        moved.stream().filter(e -> e.organizationId != toOrganizationId).forEach(entityManager::refresh);
        writes.publishAll(moved, moved.stream().map(e -> e.status).toList());
        return ids;
    }
}
