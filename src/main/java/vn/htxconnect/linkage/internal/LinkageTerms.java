package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The terms of a linkage, checked and applied: its two sides, what it is for (a product or a category),
 * the stages goods move between, volume, unit, period, price and dates. Shared by linkages proposed by
 * hand and those opened from a deal. Reports every problem, naming its field.
 */
@Component
class LinkageTerms {

    static final double MAX_VOLUME = 1e9;
    static final long MAX_PRICE = 1_000_000_000_000L;

    private final OrganizationService organizations;
    private final ProductService products;
    private final CategoryService categories;

    LinkageTerms(OrganizationService organizations, ProductService products, CategoryService categories) {
        this.organizations = organizations;
        this.products = products;
        this.categories = categories;
    }

    /** A side of a linkage: an active organization that is not a partner or agency. */
    Organization side(String field, String id, ValidationErrors errors) {
        Long dbId = id == null ? null : GlobalId.tryDecode(id, Organization.TYPE);
        Organization o = dbId == null ? null : organizations.findById(dbId).orElse(null);
        if (o == null) {
            errors.add(field, id == null ? UserErrorCode.REQUIRED : UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.invalid", field));
        } else if (!o.active()) {
            errors.add(field, UserErrorCode.INVALID, Message.of("organization.archived"));
            return null;
        } else if (o.kind() == OrganizationKind.PARTNER) {
            errors.add(field, UserErrorCode.INVALID, Message.of("linkage.side.kind"));
            return null;
        }
        return o;
    }

    /** Checks the terms and, only if all of them are valid, writes them onto the linkage. */
    void fill(LinkageEntity e, LinkageInput in, Organization supplier, Organization customer, ValidationErrors errors) {
        Product product = product(in.productId(), supplier, errors);
        Category category = category(in, product, errors);
        Stages stages = stages(in, supplier, customer, errors);
        Unit unit = volume(in, errors);
        String terms = price(in, errors);
        LocalDate start = dates(in, errors);
        if (errors.hasErrors()) {
            return;
        }
        e.supplierOrganizationId = supplier.databaseId();
        e.customerOrganizationId = customer.databaseId();
        e.supplierProvinceCode = product != null && product.provinceCode() != null ? product.provinceCode() : supplier.provinceCode();
        e.productId = product == null ? null : product.databaseId();
        e.categoryCode = category.code();
        e.supplierStage = stages.supplier();
        e.customerStage = stages.customer();
        e.volumePerPeriod = BigDecimal.valueOf(in.volumePerPeriod());
        e.unit = unit;
        e.period = in.period();
        e.pricePerUnitVnd = in.pricePerUnitVnd();
        e.priceTerms = terms;
        e.startDate = start;
        e.endDate = in.endDate();
    }

    /** The product, if one is named: a listed (not archived) product of the supplier. */
    private Product product(String id, Organization supplier, ValidationErrors errors) {
        if (id == null) {
            return null;
        }
        Long pid = GlobalId.tryDecode(id, Product.TYPE);
        Product product = pid == null ? null : products.findById(pid).orElse(null);
        if (product == null || product.status() == ProductStatus.ARCHIVED) {
            errors.add("productId", UserErrorCode.NOT_FOUND, Message.of("catalog.product.notFound"));
            return null;
        }
        if (supplier != null && product.organizationId() != supplier.databaseId()) {
            errors.add("productId", UserErrorCode.INVALID, Message.of("linkage.product.notSuppliers"));
        }
        return product;
    }

    /** The category given, else the product's; one of the two is required. */
    private Category category(LinkageInput in, Product product, ValidationErrors errors) {
        if (in.category() != null && !in.category().isBlank()) {
            Category category = categories.resolve(in.category()).orElse(null);
            if (category == null) {
                errors.add("category", UserErrorCode.NOT_FOUND, Message.of("catalog.category.unknown"));
            }
            return category;
        }
        if (product != null) {
            return categories.findByCode(product.categoryCode()).orElse(null);
        }
        if (in.productId() == null) {
            errors.add("category", UserErrorCode.REQUIRED, Message.of("linkage.subject.required"));
        }
        return null;
    }

    private record Stages(Stage supplier, Stage customer) {
    }

    /**
     * The stages given, else the ones the sides' kinds of organization usually work at; goods must flow
     * downstream between them.
     */
    private static Stages stages(LinkageInput in, Organization supplier, Organization customer, ValidationErrors errors) {
        Stage supplierStage = in.supplierStage() != null ? in.supplierStage() : supplier == null ? null : defaultStage(supplier.kind());
        Stage customerStage = in.customerStage() != null ? in.customerStage() : customer == null ? null : defaultStage(customer.kind());
        if (supplierStage == null && supplier != null) {
            errors.add("supplierStage", UserErrorCode.REQUIRED, Message.of("linkage.stage.required", "supplierStage"));
        }
        if (customerStage == null && customer != null) {
            errors.add("customerStage", UserErrorCode.REQUIRED, Message.of("linkage.stage.required", "customerStage"));
        }
        // Traders supply processors and processors sell inputs to farms, but retail does not feed production.
        if (supplierStage != null && customerStage != null && rank(supplierStage) > rank(customerStage) + 1) {
            errors.add("customerStage", UserErrorCode.INVALID,
                    Message.of("linkage.stage.upstream", supplierStage, customerStage));
        }
        return new Stages(supplierStage, customerStage);
    }

    /** Checks volume per period and period; returns the unit, or null if it is unknown. */
    private static Unit volume(LinkageInput in, ValidationErrors errors) {
        if (in.volumePerPeriod() == null) {
            errors.add("volumePerPeriod", UserErrorCode.REQUIRED, Message.of("input.required", "volumePerPeriod"));
        } else if (in.volumePerPeriod().isNaN() || in.volumePerPeriod() <= 0 || in.volumePerPeriod() > MAX_VOLUME) {
            errors.add("volumePerPeriod", UserErrorCode.OUT_OF_RANGE, Message.of("linkage.volume.range"));
        }
        Unit unit = Unit.parse(in.unit()).orElse(null);
        if (unit == null) {
            errors.add("unit", in.unit() == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("linkage.unit.unknown"));
        }
        if (in.period() == null) {
            errors.add("period", UserErrorCode.REQUIRED, Message.of("input.required", "period"));
        }
        return unit;
    }

    /** Checks the price; returns the price terms. */
    private static String price(LinkageInput in, ValidationErrors errors) {
        if (in.pricePerUnitVnd() != null && (in.pricePerUnitVnd() < 0 || in.pricePerUnitVnd() > MAX_PRICE)) {
            errors.add("pricePerUnitVnd", UserErrorCode.OUT_OF_RANGE, Message.of("linkage.price.range"));
        }
        return errors.text("priceTerms", in.priceTerms(), 1000, false);
    }

    /** The start date (today if none is given); the end must not be before it. */
    private static LocalDate dates(LinkageInput in, ValidationErrors errors) {
        LocalDate start = in.startDate() != null ? in.startDate() : LocalDate.now();
        if (in.endDate() != null && in.endDate().isBefore(start)) {
            errors.add("endDate", UserErrorCode.INVALID, Message.of("linkage.endDate.beforeStart"));
        }
        return start;
    }

    /** The stage an organization usually works at; a processor that also sells retail says so explicitly. */
    static Stage defaultStage(OrganizationKind kind) {
        return switch (kind) {
            case COOPERATIVE, COOPERATIVE_UNION, COOPERATIVE_GROUP -> Stage.PRODUCTION;
            case PROCESSOR -> Stage.PROCESSING;
            case DISTRIBUTOR -> Stage.DISTRIBUTION;
            case RETAIL_CHAIN -> Stage.RETAIL;
            case PARTNER -> null;
        };
    }

    /** Retail and export both end a chain. */
    static int rank(Stage s) {
        return s == Stage.EXPORT ? Stage.RETAIL.ordinal() : s.ordinal();
    }
}
