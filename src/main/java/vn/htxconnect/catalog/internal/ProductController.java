package vn.htxconnect.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductListFilter;
import vn.htxconnect.catalog.ProductPayload;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

@Controller
class ProductController implements NodeResolver {

    private final ProductService products;
    private final OrganizationService organizations;
    private final CategoryService categories;
    private final ProvinceService provinces;
    private final ProductQueries queries;

    ProductController(ProductService products, OrganizationService organizations, CategoryService categories,
                      ProvinceService provinces, ProductQueries queries) {
        this.queries = queries;
        this.products = products;
        this.organizations = organizations;
        this.categories = categories;
        this.provinces = provinces;
    }

    @QueryMapping
    Product product(@Argument String id) {
        Access.requireScope("catalog:read");
        Product p = products.findById(GlobalId.decode("id", id, Product.TYPE))
                .filter(ProductController::visible)
                .orElseThrow(() -> ApiException.notFound(Message.of("catalog.product.notFoundId", id)));
        return p;
    }

    /** Drafts and archived products are seen only by their organization's members and the Alliance. */
    static boolean visible(Product p) {
        Actor a = Access.current();
        return p.status() == ProductStatus.ACTIVE || a.memberOf(p.organizationId()) || a.isAlliance();
    }

    @QueryMapping
    Connection<Product> products(@Argument ProductListFilter filter, @Argument Integer first, @Argument String after) {
        Actor actor = Access.requireScope("catalog:read");
        Long org = filter == null || filter.organizationId() == null ? null
                : GlobalId.decode("filter.organizationId", filter.organizationId(), Organization.TYPE);
        boolean insider = actor.isAlliance() || (org != null && actor.memberOf(org));
        ProductListFilter effective = filter;
        if (!insider) {
            if (filter != null && filter.status() != null && filter.status() != ProductStatus.ACTIVE) {
                Access.requireSignedIn();
                throw new ApiException(ErrorCode.FORBIDDEN,
                        Message.of("catalog.product.draftForbidden"));
            }
            effective = new ProductListFilter(filter == null ? null : filter.organizationId(), ProductStatus.ACTIVE,
                    filter == null ? null : filter.category());
        }
        return queries.list(effective, Cursors.first(first), after);
    }

    @MutationMapping
    ProductPayload createProduct(@Argument ProductInput input) {
        return products.create(input);
    }

    @MutationMapping
    ProductPayload updateProduct(@Argument ProductInput input) {
        return products.update(input);
    }

    @MutationMapping
    ProductPayload archiveProduct(@Argument ArchiveProductInput input) {
        return products.archive(input.id(), input.expectedVersion(), input.clientMutationId());
    }

    record ArchiveProductInput(String id, Long expectedVersion, String clientMutationId) {
    }

    /** One SQL statement for all products of a response, whatever the page size. */
    @BatchMapping
    Map<Product, Organization> organization(List<Product> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(Product::organizationId).distinct().toList());
        return page.stream().filter(p -> byId.containsKey(p.organizationId()))
                .collect(Collectors.toMap(Function.identity(), p -> byId.get(p.organizationId()), (a, b) -> a));
    }

    @SchemaMapping
    Category category(Product product) {
        return categories.findByCode(product.categoryCode()).orElse(null);
    }

    @SchemaMapping
    Province province(Product product) {
        return provinces.findByCode(product.provinceCode()).orElse(null);
    }

    /**
     * Valid certificates for everyone; the whole history (expired ones too) only for the product's own
     * organization and admins when they ask. Others asking get the valid ones: a stale certificate is
     * the seller's record, not a claim to show buyers.
     */
    @SchemaMapping(typeName = "Product", field = "certifications")
    List<?> certifications(Product product, @Argument Boolean includeExpired) {
        if (Boolean.TRUE.equals(includeExpired)) {
            Actor a = Access.current();
            if (a.memberOf(product.organizationId()) || a.isAdmin()) {
                return product.certifications();
            }
        }
        return product.validCertifications();
    }

    @QueryMapping
    List<Category> categories() {
        return categories.all();
    }

    @Override
    public String typeName() {
        return Product.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return products.findById(id);
    }
}
