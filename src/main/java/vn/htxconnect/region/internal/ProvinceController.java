package vn.htxconnect.region.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/** GraphQL queries for the 34 current provinces; see {@code schema/region.graphqls}. */
@Controller
class ProvinceController {

    private final ProvinceService provinceService;
    private final List<Province> byName;

    ProvinceController(ProvinceService provinceService) {
        this.provinceService = provinceService;
        // The list never changes, so sort once instead of per request.
        this.byName = provinceService.all().stream()
                .sorted(Comparator.comparing(Province::name, vietnameseWordOrder()))
                .toList();
    }

    @QueryMapping
    List<Province> provinces() {
        return byName;
    }

    /** Lenient on purpose: partners send old names from labels and certificates. */
    @QueryMapping
    @Nullable Province province(@Argument String code) {
        return provinceService.resolve(code).orElse(null);
    }

    /**
     * Vietnamese dictionary order compares syllable by syllable ("Hà Tĩnh" before "Hải Phòng");
     * the collator alone ignores spaces and would compare "HàTĩnh" with "HảiPhòng".
     */
    static Comparator<String> vietnameseWordOrder() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        return (a, b) -> {
            String[] left = a.split("\\s+");
            String[] right = b.split("\\s+");
            for (int i = 0; i < Math.min(left.length, right.length); i++) {
                int cmp = collator.compare(left[i], right[i]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Integer.compare(left.length, right.length);
        };
    }
}
