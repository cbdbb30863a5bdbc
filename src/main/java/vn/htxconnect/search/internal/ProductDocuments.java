package vn.htxconnect.search.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.ProvinceService;

/**
 * Builds the search document of a product (with its organization's name, province, verification and
 * location, so search needs no SQL) and rebuilds a {@link Product} from a document's source.
 * Folded fields are produced here and only here, by the same {@link VietnameseText} the queries use.
 */
@Component
class ProductDocuments {

    private static final int NAME_WEIGHT = 10;
    private static final int TAIL_WEIGHT = 3;

    private final CategoryService categories;
    private final ProvinceService provinces;

    ProductDocuments(CategoryService categories, ProvinceService provinces) {
        this.categories = categories;
        this.provinces = provinces;
    }

    Map<String, Object> document(Product p, Organization org) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", p.databaseId());
        d.put("organization_id", p.organizationId());
        d.put("external_ref", p.externalRef());
        d.put("name", p.name());
        d.put("name_folded", VietnameseText.fold(p.name()));
        if (!VietnameseText.hasDiacritics(p.name())) {
            d.put("name_unmarked", VietnameseText.fold(p.name()));
        }
        d.put("description", p.description());
        d.put("description_folded", p.description() == null ? null : VietnameseText.fold(p.description()));
        d.put("category_code", p.categoryCode());
        List<String> path = new ArrayList<>();
        List<String> categoryNames = new ArrayList<>();
        String code = p.categoryCode();
        while (code != null) {
            Category c = categories.findByCode(code).orElse(null);
            if (c == null) {
                break;
            }
            path.add(c.code());
            categoryNames.add(c.nameVi());
            categoryNames.add(c.nameEn());
            code = c.parentCode();
        }
        d.put("category_path", path);
        d.put("category_names", categoryNames);
        d.put("category_names_folded", categoryNames.stream().map(VietnameseText::fold).toList());
        d.put("unit", p.unit().name());
        d.put("price_min_vnd", p.priceMinVnd());
        d.put("price_max_vnd", p.priceMaxVnd());
        d.put("min_order_qty", p.minOrderQty());
        d.put("monthly_capacity", p.monthlyCapacity());
        d.put("monthly_capacity_base", baseCapacity(p));
        d.put("available_months", p.availableMonths());
        d.put("province_code", p.provinceCode());
        List<String> provinceNames = p.provinceCode() == null ? List.of() : provinces.searchableNames(p.provinceCode());
        d.put("province_names", provinceNames);
        d.put("province_names_folded", provinceNames.stream().map(VietnameseText::fold).distinct().toList());
        d.put("location", p.lat() == null ? null : Map.of("lat", p.lat(), "lon", p.lon()));
        d.put("image_urls", p.imageUrls());
        d.put("status", p.status().name());
        d.put("certifications", p.certifications().stream().map(ProductDocuments::certification).toList());
        d.put("certification_text", certificationText(p.certifications(), LocalDate.now()));
        d.put("org_name", org.name());
        d.put("org_name_folded", VietnameseText.fold(org.name()));
        d.put("org_kind", org.kind().name());
        d.put("org_verified", org.verified());
        d.put("org_province_code", org.provinceCode());
        d.put("org_location", org.lat() == null ? null : Map.of("lat", org.lat(), "lon", org.lon()));
        d.put("suggest", suggestInputs(p));
        d.put("created_at", p.createdAt().toString());
        d.put("updated_at", p.updatedAt().toString());
        d.put("version", p.version());
        d.put("indexed_at", Instant.now().toString());
        return d;
    }

    /** Capacity in kilograms or litres when the unit converts, so buyers compare like with like. */
    private static Double baseCapacity(Product p) {
        if (p.monthlyCapacity() == null) {
            return null;
        }
        double q = p.monthlyCapacity().doubleValue();
        return switch (p.unit().dimension()) {
            case MASS -> p.unit().convert(q, Unit.KG).orElse(null);
            case VOLUME -> p.unit().convert(q, Unit.LIT).orElse(null);
            case COUNT -> q;
        };
    }

    private static Map<String, Object> certification(Certification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", c.scheme().name());
        m.put("label", c.label());
        m.put("number", c.number());
        m.put("issuer", c.issuer());
        m.put("ocop_stars", c.ocopStars());
        m.put("valid_from", c.validFrom() == null ? null : c.validFrom().toString());
        m.put("valid_to", c.validTo() == null ? null : c.validTo().toString());
        return m;
    }

    /**
     * The names of a product's certificates as one folded text, for words such as "vietgap" or
     * "rainforest": display names of known schemes (with the names people also use, e.g. "UTZ"), and
     * OTHER schemes as the seller wrote them. Certificates expired when the document is built are left
     * out: an expired certificate never counts, not even as a word match. (One that expires later stays
     * until the product is indexed again; filters and facets check the dates at query time.)
     */
    static List<String> certificationText(List<Certification> certifications, LocalDate today) {
        Set<String> out = new LinkedHashSet<>();
        for (Certification c : certifications) {
            if (c.expiredOn(today)) {
                continue;
            }
            List<String> names = c.scheme().known() ? c.scheme().searchNames() : List.of(c.label());
            names.forEach(n -> out.add(VietnameseText.fold(n)));
        }
        return List.copyOf(out);
    }

    /**
     * Completion inputs: the name as written and folded, then the name from its second, third and
     * fourth word on (so "robusta" completes "Cà phê Robusta Đắk Lắk"), weighted lower so that a
     * name starting with the prefix comes first.
     */
    private static List<Map<String, Object>> suggestInputs(Product p) {
        Set<String> names = new LinkedHashSet<>();
        names.add(clipped(p.name()));
        names.add(clipped(VietnameseText.fold(p.name())));
        Set<String> tails = new LinkedHashSet<>();
        String[] words = p.name().strip().split("\\s+");
        for (int i = 1; i < words.length && i < 4; i++) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            tails.add(clipped(tail));
            tails.add(clipped(VietnameseText.fold(tail)));
        }
        tails.removeAll(names);
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of("input", List.copyOf(names), "weight", NAME_WEIGHT));
        if (!tails.isEmpty()) {
            out.add(Map.of("input", List.copyOf(tails), "weight", TAIL_WEIGHT));
        }
        return out;
    }

    private static String clipped(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /**
     * The document fields {@link #fromSource} reads: searches fetch only these, not the folded copies,
     * suggestion inputs and organization fields that exist for matching (less to send and to parse).
     */
    static final List<String> SOURCE_FIELDS = List.of("id", "organization_id", "external_ref", "name", "description",
            "category_code", "unit", "price_min_vnd", "price_max_vnd", "min_order_qty", "monthly_capacity",
            "available_months", "province_code", "location", "image_urls", "status", "certifications", "created_at",
            "updated_at", "version");

    @SuppressWarnings("unchecked")
    Product fromSource(Map<String, Object> s) {
        List<Map<String, Object>> certs = (List<Map<String, Object>>) s.getOrDefault("certifications", List.of());
        return new Product(
                num(s.get("id")).longValue(), num(s.get("organization_id")).longValue(), (String) s.get("external_ref"),
                (String) s.get("name"), (String) s.get("description"), (String) s.get("category_code"),
                Unit.valueOf((String) s.get("unit")), longOrNull(s.get("price_min_vnd")), longOrNull(s.get("price_max_vnd")),
                decimal(s.get("min_order_qty")), decimal(s.get("monthly_capacity")),
                ((List<Number>) s.getOrDefault("available_months", List.of())).stream().map(Number::intValue).toList(),
                (String) s.get("province_code"), latLon(s.get("location"), "lat"), latLon(s.get("location"), "lon"),
                (List<String>) s.getOrDefault("image_urls", List.of()), ProductStatus.valueOf((String) s.get("status")),
                certs.stream().map(c -> new Certification(CertificationScheme.valueOf((String) c.get("scheme")),
                        (String) c.get("label"), (String) c.get("number"), (String) c.get("issuer"),
                        c.get("ocop_stars") == null ? null : num(c.get("ocop_stars")).intValue(),
                        date(c.get("valid_from")), date(c.get("valid_to")))).toList(),
                Instant.parse((String) s.get("created_at")), Instant.parse((String) s.get("updated_at")),
                num(s.get("version")).longValue());
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : Double.valueOf(String.valueOf(o));
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : num(o).longValue();
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    private static LocalDate date(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }

    @SuppressWarnings("unchecked")
    private static Double latLon(Object location, String key) {
        return location instanceof Map<?, ?> m && m.get(key) != null ? num(((Map<String, Object>) m).get(key)).doubleValue() : null;
    }
}
