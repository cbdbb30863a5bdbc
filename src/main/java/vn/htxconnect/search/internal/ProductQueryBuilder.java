package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.AVAILABLE_MONTHS;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_PATH;
import static vn.htxconnect.search.internal.ProductField.CERTIFICATIONS;
import static vn.htxconnect.search.internal.ProductField.LOCATION;
import static vn.htxconnect.search.internal.ProductField.MONTHLY_CAPACITY;
import static vn.htxconnect.search.internal.ProductField.MONTHLY_CAPACITY_BASE;
import static vn.htxconnect.search.internal.ProductField.ORGANIZATION_ID;
import static vn.htxconnect.search.internal.ProductField.ORG_KIND;
import static vn.htxconnect.search.internal.ProductField.ORG_VERIFIED;
import static vn.htxconnect.search.internal.ProductField.PRICE_MIN_VND;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;
import static vn.htxconnect.search.internal.ProductField.STATUS;
import static vn.htxconnect.search.internal.ProductField.UNIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.search.ProductCandidates;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.internal.ProductField.CertificateField;

/**
 * Turns a buyer's words and filters into an Elasticsearch query: the words' relevance comes from
 * {@link ProductTextQuery}, the filters from here.
 */
@Component
class ProductQueryBuilder {

    static final int MAX_QUERY_LENGTH = 200;

    private final ProductTextQuery text;
    private final CategoryService categories;
    private final ProvinceService provinces;

    ProductQueryBuilder(QueryExpander expander, CategoryService categories, ProvinceService provinces) {
        this.text = new ProductTextQuery(expander, provinces, categories);
        this.categories = categories;
        this.provinces = provinces;
    }

    /** The full query: text relevance (if any words) within the filters. */
    Query build(String words, ProductFilter filter) {
        List<Query> filters = filters(filter);
        return text.build(words, filters).orElseGet(() -> Query.of(q -> q.bool(b -> b.filter(filters))));
    }

    /**
     * The query of matching candidates: the filters of {@link #filters} except that certificates must
     * be valid over a whole window (not just today), availability in any of some months, and text that
     * only ranks when a category already narrows the field (a buyer's sentence rarely matches every word).
     */
    Query candidates(ProductCandidates.Query c) {
        ProductFilter f = c.filter();
        // Certificates are checked over the window below, not for today.
        ProductFilter plain = f == null ? null : f.toBuilder().certifications(null).minOcopStars(null).build();
        List<Query> filters = filters(plain);
        if (f != null && f.certifications() != null) {
            for (String s : f.certifications()) {
                CertificationScheme scheme = CertificationScheme.parse(s);
                if (scheme == null) {
                    throw ApiException.badRequest("filter.certifications",
                            Message.of("catalog.certification.unknownNamed", clip(s)));
                }
                filters.add(certificateOver(scheme, null, c.validFrom(), c.validThrough()));
            }
        }
        if (f != null && f.minOcopStars() != null) {
            filters.add(certificateOver(CertificationScheme.OCOP, f.minOcopStars(), c.validFrom(), c.validThrough()));
        }
        if (c.availableInAnyMonth() != null && !c.availableInAnyMonth().isEmpty()) {
            List<FieldValue> months = c.availableInAnyMonth().stream().map(m -> FieldValue.of(m.longValue())).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(AVAILABLE_MONTHS.field()).terms(v -> v.value(months)))));
        }
        List<Query> should = text.loose(c.text());
        if (should.isEmpty()) {
            return Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        boolean narrowed = f != null && f.category() != null && !f.category().isBlank();
        return Query.of(q -> q.bool(b -> b.filter(filters).should(should).minimumShouldMatch(narrowed ? "0" : "1")));
    }

    /** A certificate of the scheme valid on every day of [from, through] (null days mean today). */
    static Query certificateOver(CertificationScheme scheme, Integer minStars, LocalDate from,
                                 LocalDate through) {
        Query window = validOver(from, through);
        return Query.of(q -> q.nested(n -> n.path(CERTIFICATIONS.field()).query(inner -> inner.bool(b -> {
            b.filter(term(CertificateField.SCHEME.path(), scheme.name())).filter(window);
            if (minStars != null) {
                b.filter(Query.of(r -> r.range(rr -> rr.number(nn -> nn.field(CertificateField.OCOP_STARS.path())
                        .gte(minStars.doubleValue())))));
            }
            return b;
        }))));
    }

    /** What to mark in highlights: plain word matches and their synonyms; null without words. */
    Query highlightQuery(String words) {
        return text.highlight(words);
    }

    List<Query> filters(ProductFilter f) {
        List<Query> out = new ArrayList<>();
        out.add(term(STATUS.field(), "ACTIVE"));
        if (f == null) {
            return out;
        }
        if (f.category() != null && !f.category().isBlank()) {
            String code = categories.resolve(f.category())
                    .orElseThrow(() -> ApiException.badRequest("filter.category",
                            Message.of("catalog.category.unknownNamed", clip(f.category()))))
                    .code();
            out.add(term(CATEGORY_PATH.field(), code));
        }
        if (f.province() != null && !f.province().isBlank()) {
            String code = provinces.resolve(f.province())
                    .orElseThrow(() -> ApiException.badRequest("filter.province",
                            Message.of("region.province.unknownNamed", clip(f.province()))))
                    .code();
            out.add(term(PROVINCE_CODE.field(), code));
        }
        if (f.certifications() != null) {
            for (String s : f.certifications()) {
                CertificationScheme scheme = CertificationScheme.parse(s);
                if (scheme == null) {
                    throw ApiException.badRequest("filter.certifications",
                            Message.of("catalog.certification.unknownNamed", clip(s)));
                }
                out.add(validCertificate(scheme, null));
            }
        }
        if (f.minOcopStars() != null) {
            if (f.minOcopStars() < 1 || f.minOcopStars() > 5) {
                throw ApiException.badRequest("filter.minOcopStars", Message.of("input.range", "minOcopStars", 1, 5));
            }
            out.add(validCertificate(CertificationScheme.OCOP, f.minOcopStars()));
        }
        if (f.organizationId() != null) {
            long org = GlobalId.decode("filter.organizationId", f.organizationId(), Organization.TYPE);
            out.add(Query.of(q -> q.term(t -> t.field(ORGANIZATION_ID.field()).value(org))));
        }
        if (Boolean.TRUE.equals(f.verifiedOnly())) {
            out.add(Query.of(q -> q.term(t -> t.field(ORG_VERIFIED.field()).value(true))));
        }
        if (f.organizationKinds() != null && !f.organizationKinds().isEmpty()) {
            out.add(Query.of(q -> q.terms(t -> t.field(ORG_KIND.field()).terms(v -> v.value(
                    f.organizationKinds().stream().map(FieldValue::of).toList())))));
        }
        if (f.availableInMonth() != null) {
            if (f.availableInMonth() < 1 || f.availableInMonth() > 12) {
                throw ApiException.badRequest("filter.availableInMonth",
                        Message.of("input.range", "availableInMonth", 1, 12));
            }
            out.add(Query.of(q -> q.term(t -> t.field(AVAILABLE_MONTHS.field()).value(f.availableInMonth()))));
        }
        capacity(f, out);
        if (f.maxPriceVnd() != null) {
            if (f.maxPriceVnd() < 0) {
                throw ApiException.badRequest("filter.maxPriceVnd", Message.of("input.nonNegative", "maxPriceVnd"));
            }
            out.add(Query.of(q -> q.range(r -> r.number(n -> n.field(PRICE_MIN_VND.field()).lte(f.maxPriceVnd().doubleValue())))));
        }
        if (f.near() != null) {
            ProductFilter.GeoFilter g = checkedNear(f.near(), true);
            out.add(Query.of(q -> q.geoDistance(d -> d.field(LOCATION.field()).distance(g.radiusKm() + "km")
                    .location(l -> l.latlon(ll -> ll.lat(g.lat()).lon(g.lon()))))));
        }
        return out;
    }

    private static void capacity(ProductFilter f, List<Query> out) {
        if (f.minMonthlyCapacity() == null) {
            return;
        }
        if (f.minMonthlyCapacity() < 0 || f.minMonthlyCapacity().isNaN()) {
            throw ApiException.badRequest("filter.minMonthlyCapacity",
                    Message.of("input.nonNegative", "minMonthlyCapacity"));
        }
        if (f.capacityUnit() == null) {
            out.add(Query.of(q -> q.range(r -> r.number(n -> n.field(MONTHLY_CAPACITY.field()).gte(f.minMonthlyCapacity())))));
            return;
        }
        Unit unit = Unit.parse(f.capacityUnit())
                .orElseThrow(() -> ApiException.badRequest("filter.capacityUnit",
                        Message.of("catalog.unit.unknownNamed", clip(f.capacityUnit()))));
        double base = switch (unit.dimension()) {
            case MASS -> unit.convert(f.minMonthlyCapacity(), Unit.KG).orElseThrow();
            case VOLUME -> unit.convert(f.minMonthlyCapacity(), Unit.LIT).orElseThrow();
            case COUNT -> f.minMonthlyCapacity();
        };
        List<FieldValue> sameDimension = Arrays.stream(Unit.values())
                .filter(u -> u.dimension() == unit.dimension() && (unit.dimension() != Unit.Dimension.COUNT || u == unit))
                .map(u -> FieldValue.of(u.name())).toList();
        out.add(Query.of(q -> q.terms(t -> t.field(UNIT.field()).terms(v -> v.value(sameDimension)))));
        out.add(Query.of(q -> q.range(r -> r.number(n -> n.field(MONTHLY_CAPACITY_BASE.field()).gte(base)))));
    }

    static ProductFilter.GeoFilter checkedNear(ProductFilter.GeoFilter g, boolean needRadius) {
        if (g.lat() == null || g.lon() == null || g.lat().isNaN() || g.lat() < -90 || g.lat() > 90) {
            throw ApiException.badRequest("filter.near.lat", Message.of("input.lat.range"));
        }
        if (g.lon().isNaN() || g.lon() < -180 || g.lon() > 180) {
            throw ApiException.badRequest("filter.near.lon", Message.of("input.lon.range"));
        }
        if (needRadius && (g.radiusKm() == null || g.radiusKm().isNaN() || g.radiusKm() <= 0 || g.radiusKm() > 2000)) {
            throw ApiException.badRequest("filter.near.radiusKm", Message.of("search.radius.range"));
        }
        return g;
    }

    /** A certificate of the scheme valid today (started, not expired), optionally with enough OCOP stars. */
    static Query validCertificate(CertificationScheme scheme, Integer minStars) {
        return certificateOver(scheme, minStars, null, null);
    }

    /** Inside the nested certifications: a certificate valid today (started, not expired; missing dates are open). */
    static Query validToday() {
        return validOver(null, null);
    }

    /** Inside the nested certifications: valid on every day of [from, through]; null days mean today. */
    private static Query validOver(LocalDate from, LocalDate through) {
        String start = from == null ? "now/d" : from.toString();
        String end = through == null ? "now/d" : through.toString();
        Query notExpired = Query.of(q -> q.bool(b -> b
                .should(Query.of(r -> r.range(rr -> rr.date(d -> d.field(CertificateField.VALID_TO.path()).gte(end)))))
                .should(Query.of(r -> r.bool(x -> x.mustNot(Query.of(e -> e.exists(ex -> ex.field(CertificateField.VALID_TO.path())))))))
                .minimumShouldMatch("1")));
        Query started = Query.of(q -> q.bool(b -> b
                .should(Query.of(r -> r.range(rr -> rr.date(d -> d.field(CertificateField.VALID_FROM.path()).lte(start)))))
                .should(Query.of(r -> r.bool(x -> x.mustNot(Query.of(e -> e.exists(ex -> ex.field(CertificateField.VALID_FROM.path())))))))
                .minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.filter(notExpired).filter(started)));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
