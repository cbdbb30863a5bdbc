package vn.htxconnect.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.VietnameseText;

/** Loads the taxonomy once (it changes only through migrations) so category lookups cost no SQL. */
@Service
class CategoryCatalog implements CategoryService {

    private final JdbcTemplate jdbc;
    private volatile List<Category> categories;
    private volatile Map<String, Category> byKey;

    CategoryCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private List<Category> load() {
        List<Category> all = categories;
        if (all == null) {
            all = jdbc.query("SELECT code, parent_code, name_vi, name_en, sort_order FROM category ORDER BY sort_order, code",
                    (rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            Map<String, Category> keys = new HashMap<>();
            for (Category c : all) {
                keys.put(VietnameseText.foldedKey(c.code()), c);
                keys.putIfAbsent(VietnameseText.foldedKey(c.nameVi()), c);
                keys.putIfAbsent(VietnameseText.foldedKey(c.nameEn()), c);
            }
            byKey = keys;
            categories = all;
        }
        return all;
    }

    @Override
    public List<Category> all() {
        return load();
    }

    @Override
    public Optional<Category> findByCode(String code) {
        return code == null ? Optional.empty() : load().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Category> resolve(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        load();
        return Optional.ofNullable(byKey.get(VietnameseText.foldedKey(codeOrName)));
    }

    @Override
    public List<String> withDescendants(String code) {
        List<String> codes = new ArrayList<>();
        codes.add(code);
        Map<String, List<Category>> children = load().stream().filter(c -> c.parentCode() != null)
                .collect(Collectors.groupingBy(Category::parentCode));
        for (int i = 0; i < codes.size(); i++) {
            children.getOrDefault(codes.get(i), List.of()).forEach(c -> codes.add(c.code()));
        }
        return codes;
    }

    Map<String, Category> byCode() {
        return load().stream().collect(Collectors.toMap(Category::code, Function.identity()));
    }
}
