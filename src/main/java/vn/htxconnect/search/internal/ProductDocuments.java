package vn.htxconnect.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.region.ProvinceService;

/**
 * Builds the search document of a product: looks up what the {@link ProductDocument} carries beside the
 * product (its category chain and its province's searchable names).
 */
@Component
class ProductDocuments {

    private final CategoryService categories;
    private final ProvinceService provinces;

    ProductDocuments(CategoryService categories, ProvinceService provinces) {
        this.categories = categories;
        this.provinces = provinces;
    }

    ProductDocument document(Product p, Organization org) {
        List<Category> chain = new ArrayList<>();
        String code = p.categoryCode();
        while (code != null) {
            Category c = categories.findByCode(code).orElse(null);
            if (c == null) {
                break;
            }
            chain.add(c);
            code = c.parentCode();
        }
        List<String> provinceNames = p.provinceCode() == null ? List.of() : provinces.searchableNames(p.provinceCode());
        return new ProductDocument(p, org, List.copyOf(chain), provinceNames, Instant.now());
    }
}
