package vn.htxconnect.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnameseText;
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

    void apply(ProductInput in, ProductEntity e, Organization owner, boolean creating, ValidationErrors errors) {
        if (creating || in.name() != null) {
            e.name = errors.text("name", in.name(), 255, true);
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
                errors.add("category", UserErrorCode.NOT_FOUND, "Unknown category: " + clip(in.category()));
            } else {
                e.categoryCode = c.code();
            }
        } else if (creating) {
            errors.add("category", UserErrorCode.REQUIRED, "category is required");
        }
        if (in.unit() != null && !in.unit().isBlank()) {
            Unit u = Unit.parse(in.unit()).orElse(null);
            if (u == null) {
                errors.add("unit", UserErrorCode.INVALID, "Unknown unit: " + clip(in.unit()) + " (e.g. kg, tấn, lít, thùng, hộp)");
            } else {
                e.unit = u;
            }
        } else if (creating) {
            errors.add("unit", UserErrorCode.REQUIRED, "unit is required");
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
                errors.add("availableMonths", UserErrorCode.OUT_OF_RANGE, "availableMonths must be months 1 to 12");
            } else {
                e.availableMonths = in.availableMonths().isEmpty() ? ProductEntity.ALL_MONTHS
                        : ProductEntity.monthsMask(in.availableMonths());
            }
        }
        if (in.certifications() != null) {
            List<CertificationEmbeddable> certs = certifications(in.certifications(), errors);
            e.certifications.clear();
            e.certifications.addAll(certs);
        }
        location(in, e, owner, creating, errors);
        if (in.imageUrls() != null) {
            List<String> urls = in.imageUrls().stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
            if (urls.size() > 10) {
                errors.add("imageUrls", UserErrorCode.OUT_OF_RANGE, "At most 10 image URLs");
            } else if (urls.stream().anyMatch(u -> !URL.matcher(u).matches())) {
                errors.add("imageUrls", UserErrorCode.INVALID, "Image URLs must be http(s) URLs of at most 500 characters");
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
                errors.add("priceMinVnd", UserErrorCode.OUT_OF_RANGE, "priceMinVnd must be between 0 and 10^12 VND");
            }
            e.priceMinVnd = in.priceMinVnd();
        }
        if (in.priceMaxVnd() != null) {
            if (in.priceMaxVnd() < 0 || in.priceMaxVnd() > MAX_PRICE) {
                errors.add("priceMaxVnd", UserErrorCode.OUT_OF_RANGE, "priceMaxVnd must be between 0 and 10^12 VND");
            }
            e.priceMaxVnd = in.priceMaxVnd();
        }
        if (e.priceMinVnd != null && e.priceMaxVnd != null && e.priceMinVnd > e.priceMaxVnd) {
            errors.add("priceMinVnd", UserErrorCode.OUT_OF_RANGE, "priceMinVnd must not exceed priceMaxVnd");
        }
    }

    private static BigDecimal quantity(ValidationErrors errors, String field, BigDecimal q, boolean zeroAllowed) {
        if (q.signum() < 0 || (!zeroAllowed && q.signum() == 0) || q.compareTo(MAX_QTY) > 0) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, field + (zeroAllowed ? " must be 0 or more" : " must be more than 0")
                    + " and at most 10^9");
        } else if (q.scale() > 3 && q.stripTrailingZeros().scale() > 3) {
            errors.add(field, UserErrorCode.INVALID, field + " may have at most 3 decimals");
        }
        return q;
    }

    /** Longest name of an OTHER scheme kept as written (the column's width). */
    static final int MAX_LABEL = 100;

    /**
     * Certificates as given. A malformed one (no scheme, end before start, longer than its scheme
     * allows, OCOP stars out of range) is an error. An expired one is kept as history with a warning:
     * the listing is still a real product, only the certificate stops counting. A scheme outside the
     * list is kept as OTHER with its name as written, also with a warning.
     */
    private static List<CertificationEmbeddable> certifications(List<CertificationInput> inputs, ValidationErrors errors) {
        List<CertificationEmbeddable> out = new ArrayList<>();
        LocalDate today = LocalDate.now();
        if (inputs.size() > 20) {
            errors.add("certifications", UserErrorCode.OUT_OF_RANGE, "At most 20 certifications");
            return out;
        }
        for (int i = 0; i < inputs.size(); i++) {
            CertificationInput c = inputs.get(i);
            String f = "certifications[" + i + "]";
            // Kept as written (an OTHER scheme's label), only NFC-composed with its spaces tidied.
            String raw = c.scheme() == null ? "" : VietnameseText.nfc(c.scheme()).strip().replaceAll("\\s+", " ");
            if (raw.isBlank()) {
                errors.add(f + ".scheme", UserErrorCode.REQUIRED, "The certification scheme is required");
                continue;
            }
            if (CertificationScheme.namesOther(raw)) {
                errors.add(f + ".scheme", UserErrorCode.INVALID,
                        "Write the certificate's own scheme name instead of " + clip(raw));
                continue;
            }
            CertificationScheme scheme = CertificationScheme.parse(raw);
            String label = null;
            if (scheme == null) {
                scheme = CertificationScheme.OTHER;
                label = raw;
                if (label.length() > MAX_LABEL) {
                    errors.add(f + ".scheme", UserErrorCode.TOO_LONG,
                            "A certification scheme name is at most " + MAX_LABEL + " characters");
                } else {
                    errors.warn(f + ".scheme", UserErrorCode.UNKNOWN_CERTIFICATION_SCHEME, "Certification scheme "
                            + clip(raw) + " is not on the list; kept as written, shown and searchable as text, "
                            + "but not a filter");
                }
            }
            String name = label == null ? scheme.name() : clip(label);
            if (scheme == CertificationScheme.OCOP && (c.ocopStars() == null || c.ocopStars() < 3 || c.ocopStars() > 5)) {
                errors.add(f + ".ocopStars", UserErrorCode.OUT_OF_RANGE,
                        "An OCOP certificate needs 3 to 5 stars (1–2★ products get no certificate)");
            }
            if (scheme != CertificationScheme.OCOP && c.ocopStars() != null) {
                errors.add(f + ".ocopStars", UserErrorCode.INVALID, "ocopStars applies only to OCOP certificates");
            }
            if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
                errors.add(f + ".validTo", UserErrorCode.OUT_OF_RANGE, "validTo is before validFrom");
            } else if (c.validFrom() != null && c.validTo() != null
                    && c.validTo().isAfter(c.validFrom().plusMonths(maxMonths(scheme)))) {
                errors.add(f + ".validTo", UserErrorCode.OUT_OF_RANGE,
                        name + " certificates are valid at most " + maxMonths(scheme) + " months");
            } else if (c.validTo() != null && c.validTo().isBefore(today)) {
                errors.warn(f + ".validTo", UserErrorCode.CERTIFICATE_EXPIRED, name + " certificate expired on "
                        + c.validTo() + "; kept as history, it does not count in search or matching");
            }
            if (c.number() != null && c.number().length() > 64) {
                errors.add(f + ".number", UserErrorCode.TOO_LONG, "Certificate number is at most 64 characters");
            }
            if (c.issuer() != null && c.issuer().length() > 255) {
                errors.add(f + ".issuer", UserErrorCode.TOO_LONG, "Issuer is at most 255 characters");
            }
            CertificationEmbeddable e = new CertificationEmbeddable();
            e.scheme = scheme;
            e.label = label;
            e.number = blankToNull(c.number());
            e.issuer = blankToNull(c.issuer());
            e.ocopStars = c.ocopStars();
            e.validFrom = c.validFrom();
            e.validTo = c.validTo();
            out.add(e);
        }
        return out;
    }

    /** Longest validity a scheme grants: VietGAP 2 years, OCOP 36 months, others taken as 10 years. */
    private static int maxMonths(CertificationScheme scheme) {
        return scheme == CertificationScheme.VIETGAP ? 24 : scheme == CertificationScheme.OCOP ? 36 : 120;
    }

    private void location(ProductInput in, ProductEntity e, Organization owner, boolean creating, ValidationErrors errors) {
        Province province = null;
        if (in.province() != null && !in.province().isBlank()) {
            province = provinces.resolve(in.province()).orElse(null);
            if (province == null) {
                errors.add("province", UserErrorCode.NOT_FOUND, "Unknown province: " + clip(in.province()));
            } else {
                e.provinceCode = province.code();
            }
        } else if (creating) {
            e.provinceCode = owner.provinceCode();
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
        } else if (creating || province != null) {
            e.lat = owner.lat();
            e.lon = owner.lon();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
