package vn.htxconnect.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;

/**
 * Reads the catalogue in pages of ID ranges for a full reindex, in two plain SQL statements a page (the products,
 * then their certificates by the same ID range). A reindex reads every product once and changes none, so it skips
 * the persistence context: the profile of a reindex showed loading the entities costing more than the SQL. The rows
 * fill {@link ProductEntity} objects and {@link ProductEntity#toView()} maps them, as for every other read.
 */
@Component
class ProductPages {

    private final JdbcTemplate jdbc;

    ProductPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> between(long afterId, long upToId, int limit) {
        List<ProductEntity> rows = jdbc.query("SELECT " + ProductEntity.COLUMNS
                        + " FROM product WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                (rs, i) -> ProductEntity.fromRow(rs), afterId, upToId, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductEntity> byId = new HashMap<>();
        rows.forEach(e -> byId.put(e.id, e));
        // Certificates in the order they were added, as the entity's collection holds them.
        jdbc.query("SELECT product_id, " + CertificationEmbeddable.COLUMNS + " FROM product_certification"
                        + " WHERE product_id > ? AND product_id <= ? ORDER BY product_id, id",
                rs -> {
                    ProductEntity e = byId.get(rs.getLong("product_id"));
                    if (e != null) {
                        e.certifications.add(CertificationEmbeddable.fromRow(rs));
                    }
                }, afterId, rows.getLast().id);
        return rows.stream().map(ProductEntity::toView).toList();
    }
}
