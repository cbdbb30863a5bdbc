package vn.htxconnect.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Checks a product input and copies the given fields onto an entity: one rule set for the GraphQL
 * mutations and for every CSV row. Field names in errors are the input's field names.
 */
@Component
class ProductValidator {

    static final long MAX_PRICE = 1_000_000_000_000L;
    static final BigDecimal MAX_QTY = new BigDecimal("1000000000");
    private static final Pattern URL = Pattern.compile("https?://\\S{3,490}");

    private final CategoryService categories;
    private final ProvinceService provinces;

    ProductValidator(CategoryService categories, ProvinceService provinces) {
        this.categories = categories;
        this.provinces = provinces;
    }

    /**
     * A new product, or an import row (a row is the product's whole state): name, category and unit are
     * required, and a product without a province or location takes its organization's.
     */
    void create(ProductInput in, ProductEntity e, Organization owner, ValidationErrors errors) {
        check(in, e, owner, Absent.ON_CREATE, errors);
    }

    /** A change to a stored product: only the fields given are checked and written, the others stay. */
    void update(ProductInput in, ProductEntity e, Organization owner, ValidationErrors errors) {
        check(in, e, owner, Absent.ON_UPDATE, errors);
    }

    /** What a field left out of the input means; everything else is checked alike for both. */
    private enum Absent {
        /** Required, or the organization's value. */
        ON_CREATE {
            @Override
            void name(ProductEntity e, ValidationErrors errors) {
                e.name = errors.text("name", null, 255, true);
            }

            @Override
            void category(ValidationErrors errors) {
                errors.add("category", UserErrorCode.REQUIRED, Message.of("input.required", "category"));
            }

            @Override
            void unit(ValidationErrors errors) {
                errors.add("unit", UserErrorCode.REQUIRED, Message.of("input.required", "unit"));
            }

            @Override
            void place(ProductEntity e, Organization owner) {
                e.provinceCode = owner.provinceCode();
            }

            @Override
            void location(ProductEntity e, Organization owner) {
                e.lat = owner.lat();
                e.lon = owner.lon();
            }
        },
        /** The stored value stays. */
        ON_UPDATE;

        void name(ProductEntity e, ValidationErrors errors) {
        }

        void category(ValidationErrors errors) {
        }

        void unit(ValidationErrors errors) {
        }

        /** The province of a product that names none. */
        void place(ProductEntity e, Organization owner) {
        }

        /** The map point of a product that gives neither a point nor a province. */
        void location(ProductEntity e, Organization owner) {
        }
    }

    private void check(ProductInput in, ProductEntity e, Organization owner, Absent absent, ValidationErrors errors) {
        if (in.name() != null) {
            e.name = errors.text("name", in.name(), 255, true);
        } else {
            absent.name(e, errors);
        }
        if (in.description() != null) {
            e.description = errors.text("description", in.description(), 5000, false);
        }
        if (in.externalRef() != null) {
            e.externalRef = errors.text("externalRef", in.externalRef(), 64, false);
        }
        if (in.category() != null && !in.category().isBlank()) {
            Category c = categories.resolve(in.category()).orElse(null);
            if (c == null) {
                errors.add("category", UserErrorCode.NOT_FOUND,
                        Message.of("catalog.category.unknownNamed", clip(in.category())));
            } else {
                e.categoryCode = c.code();
            }
        } else {
            absent.category(errors);
        }
        if (in.unit() != null && !in.unit().isBlank()) {
            Unit u = Unit.parse(in.unit()).orElse(null);
            if (u == null) {
                errors.add("unit", UserErrorCode.INVALID, Message.of("catalog.unit.unknownExamples", clip(in.unit())));
            } else {
                e.unit = u;
            }
        } else {
            absent.unit(errors);
        }
        prices(in, e, errors);
        if (in.minOrderQty() != null) {
            e.minOrderQty = quantity(errors, "minOrderQty", in.minOrderQty(), false);
        }
        if (in.monthlyCapacity() != null) {
            e.monthlyCapacity = quantity(errors, "monthlyCapacity", in.monthlyCapacity(), true);
        }
        if (in.availableMonths() != null) {
            if (in.availableMonths().stream().anyMatch(m -> m == null || m < 1 || m > 12)) {
                errors.add("availableMonths", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.availableMonths.range"));
            } else {
                e.availableMonths = in.availableMonths().isEmpty() ? ProductEntity.ALL_MONTHS
                        : ProductEntity.monthsMask(in.availableMonths());
            }
        }
        if (in.certifications() != null) {
            List<CertificationEmbeddable> certs = CertificateChecks.check(in.certifications(), errors);
            e.certifications.clear();
            e.certifications.addAll(certs);
        }
        location(in, e, owner, absent, errors);
        if (in.imageUrls() != null) {
            List<String> urls = in.imageUrls().stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
            if (urls.size() > 10) {
                errors.add("imageUrls", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.imageUrls.tooMany", 10));
            } else if (urls.stream().anyMatch(u -> !URL.matcher(u).matches())) {
                errors.add("imageUrls", UserErrorCode.INVALID, Message.of("catalog.imageUrls.invalid", 500));
            }
            e.imageUrls = String.join("\n", urls);
        }
        if (in.status() != null) {
            e.status = in.status();
        }
    }

    private void prices(ProductInput in, ProductEntity e, ValidationErrors errors) {
        if (in.priceMinVnd() != null) {
            if (in.priceMinVnd() < 0 || in.priceMinVnd() > MAX_PRICE) {
                errors.add("priceMinVnd", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.price.range", "priceMinVnd"));
            }
            e.priceMinVnd = in.priceMinVnd();
        }
        if (in.priceMaxVnd() != null) {
            if (in.priceMaxVnd() < 0 || in.priceMaxVnd() > MAX_PRICE) {
                errors.add("priceMaxVnd", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.price.range", "priceMaxVnd"));
            }
            e.priceMaxVnd = in.priceMaxVnd();
        }
        if (e.priceMinVnd != null && e.priceMaxVnd != null && e.priceMinVnd > e.priceMaxVnd) {
            errors.add("priceMinVnd", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.price.minOverMax"));
        }
    }

    private static BigDecimal quantity(ValidationErrors errors, String field, BigDecimal q, boolean zeroAllowed) {
        if (q.signum() < 0 || (!zeroAllowed && q.signum() == 0) || q.compareTo(MAX_QTY) > 0) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, zeroAllowed ? Message.of("catalog.quantity.range", field)
                    : Message.of("catalog.quantity.positiveRange", field));
        } else if (q.scale() > 3 && q.stripTrailingZeros().scale() > 3) {
            errors.add(field, UserErrorCode.INVALID, Message.of("input.decimals", field));
        }
        return q;
    }

    private void location(ProductInput in, ProductEntity e, Organization owner, Absent absent, ValidationErrors errors) {
        Province province = null;
        if (in.province() != null && !in.province().isBlank()) {
            province = provinces.resolve(in.province()).orElse(null);
            if (province == null) {
                errors.add("province", UserErrorCode.NOT_FOUND,
                        Message.of("region.province.unknownNamed", clip(in.province())));
            } else {
                e.provinceCode = province.code();
            }
        } else {
            absent.place(e, owner);
        }
        if (in.lat() != null || in.lon() != null) {
            double[] point = errors.point("lat", in.lat(), "lon", in.lon());
            if (point != null) {
                e.lat = point[0];
                e.lon = point[1];
            }
        } else if (province != null && !province.code().equals(owner.provinceCode())) {
            // Grown elsewhere than the cooperative sits: the origin province's centroid is closer to the truth.
            e.lat = province.centroid().lat();
            e.lon = province.centroid().lon();
        } else if (province != null) {
            e.lat = owner.lat();
            e.lon = owner.lon();
        } else {
            absent.location(e, owner);
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
