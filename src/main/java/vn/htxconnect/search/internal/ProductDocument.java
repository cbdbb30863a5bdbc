package vn.htxconnect.search.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.VietnameseText;

/**
 * The search document of a product: the product with what search needs beside it (its category chain, its
 * province's searchable names, its organization), so search needs no SQL. Folded and derived values are
 * produced here and only here, by the same {@link VietnameseText} the queries use; {@link ProductField} names
 * each field once and writes and reads them.
 *
 * @param categoryChain the product's category, then its parents up to the root
 * @param provinceNames the current and legacy names of the product's province
 */
record ProductDocument(Product product, Organization organization, List<Category> categoryChain,
                       List<String> provinceNames, Instant indexedAt) {

    private static final int NAME_WEIGHT = 10;
    private static final int TAIL_WEIGHT = 3;

    /** The document as Elasticsearch takes it. */
    Map<String, Object> source() {
        return ProductField.write(this);
    }

    /** The product of a search hit's {@code _source}. */
    static Product product(Map<String, Object> source) {
        return ProductField.read(source);
    }

    String nameFolded() {
        return VietnameseText.fold(product.name());
    }

    /** The folded name only when the seller wrote it without any tone marks (see products.json). */
    String nameUnmarked() {
        return VietnameseText.hasDiacritics(product.name()) ? null : VietnameseText.fold(product.name());
    }

    String descriptionFolded() {
        return product.description() == null ? null : VietnameseText.fold(product.description());
    }

    List<String> categoryPath() {
        return categoryChain.stream().map(Category::code).toList();
    }

    List<String> categoryNames() {
        List<String> names = new ArrayList<>();
        for (Category c : categoryChain) {
            names.add(c.nameVi());
            names.add(c.nameEn());
        }
        return names;
    }

    List<String> categoryNamesFolded() {
        return categoryNames().stream().map(VietnameseText::fold).toList();
    }

    List<String> provinceNamesFolded() {
        return provinceNames.stream().map(VietnameseText::fold).distinct().toList();
    }

    String organizationNameFolded() {
        return VietnameseText.fold(organization.name());
    }

    /** Capacity in kilograms or litres when the unit converts, so buyers compare like with like. */
    Double monthlyCapacityBase() {
        if (product.monthlyCapacity() == null) {
            return null;
        }
        double q = product.monthlyCapacity().doubleValue();
        Unit unit = product.unit();
        return switch (unit.dimension()) {
            case MASS -> unit.convert(q, Unit.KG).orElse(null);
            case VOLUME -> unit.convert(q, Unit.LIT).orElse(null);
            case COUNT -> q;
        };
    }

    List<String> certificationText() {
        return certificationText(product.certifications(), LocalDate.now());
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
    List<Map<String, Object>> suggestInputs() {
        Set<String> names = new LinkedHashSet<>();
        names.add(clipped(product.name()));
        names.add(clipped(VietnameseText.fold(product.name())));
        Set<String> tails = new LinkedHashSet<>();
        // The words as split("\\s+") would give them, without a regular expression for every product.
        List<String> words = words(product.name().strip());
        for (int i = 1; i < words.size() && i < 4; i++) {
            String tail = String.join(" ", words.subList(i, words.size()));
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

    /** Words separated by runs of the characters {@code \\s} stands for in a Java regular expression. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int k = 0; k <= text.length(); k++) {
            boolean space = k == text.length() || switch (text.charAt(k)) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
                default -> false;
            };
            if (space && start >= 0) {
                words.add(text.substring(start, k));
                start = -1;
            } else if (!space && start < 0) {
                start = k;
            }
        }
        return words;
    }

    private static String clipped(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
