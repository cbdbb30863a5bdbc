package vn.htxconnect.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductListFilter;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;

/**
 * The catalogue list (an organization's own products, drafts included), newest first. Three
 * statements whatever the page size: the page of IDs, the count, the products with certificates.
 */
@Component
class ProductQueries {

    private final EntityManager em;
    private final ProductRepository repository;
    private final CategoryService categories;

    ProductQueries(EntityManager em, ProductRepository repository, CategoryService categories) {
        this.em = em;
        this.repository = repository;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    Connection<Product> list(ProductListFilter filter, int first, String after) {
        int offset = Cursors.offsetAfter(after);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<ProductEntity> root = ids.from(ProductEntity.class);
        ids.select(root.get("id")).where(predicates(cb, root, filter)).orderBy(cb.desc(root.get("id")));
        List<Long> page = em.createQuery(ids).setFirstResult(offset).setMaxResults(first + 1).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<ProductEntity> countRoot = count.from(ProductEntity.class);
        count.select(cb.count(countRoot)).where(predicates(cb, countRoot, filter));
        long total = em.createQuery(count).getSingleResult();

        Map<Long, Product> byId = new HashMap<>();
        if (!page.isEmpty()) {
            repository.findWithCertifications(page).forEach(e -> byId.put(e.id, e.toView()));
        }
        List<Product> products = page.stream().map(byId::get).filter(Objects::nonNull).toList();
        return Connection.fromOffset(products, offset, first, total);
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<ProductEntity> root, ProductListFilter f) {
        List<Predicate> p = new ArrayList<>();
        if (f != null && f.organizationId() != null) {
            p.add(cb.equal(root.get("organizationId"),
                    GlobalId.decode("filter.organizationId", f.organizationId(), Organization.TYPE)));
        }
        if (f != null && f.status() != null) {
            p.add(cb.equal(root.get("status"), f.status()));
        }
        List<String> inCategory = categories.codesUnder("filter.category", f == null ? null : f.category());
        if (!inCategory.isEmpty()) {
            p.add(root.get("categoryCode").in(inCategory));
        }
        return p.toArray(Predicate[]::new);
    }
}
