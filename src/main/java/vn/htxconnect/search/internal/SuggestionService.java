package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.CATEGORY_CODE;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_PATH;
import static vn.htxconnect.search.internal.ProductField.NAME;
import static vn.htxconnect.search.internal.ProductField.SUGGEST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.search.Suggestion;

/**
 * Autocomplete for the search box: names of active products and categories that have some, with
 * or without tone marks, in one Elasticsearch request. Products come from the {@code suggest}
 * completion field (only active products are indexed); categories from the taxonomy, kept when the
 * index holds products in them. Words the buyer typed with tone marks must keep them ("nấm" does
 * not complete to "Nam Ô").
 */
@Service
class SuggestionService {

    static final int MAX_PREFIX_LENGTH = 100;
    static final int DEFAULT_FIRST = 10;
    static final int MAX_FIRST = 20;

    private static final Logger log = LoggerFactory.getLogger(SuggestionService.class);

    private final ElasticsearchClient client;
    private final IndexManager indices;
    private final CategoryService categories;

    SuggestionService(ElasticsearchClient client, IndexManager indices, CategoryService categories) {
        this.client = client;
        this.indices = indices;
        this.categories = categories;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Suggestion> suggest(String prefix, Integer first) {
        int limit = checkedFirst(first);
        String typed = checkedPrefix(prefix);
        String folded = VietnameseText.fold(typed);
        // Not skipDuplicates: it compares the matched input, and many products share a later-word input.
        int candidates = Math.min(100, limit * 5);
        SearchResponse<Map> response;
        try {
            response = client.search(s -> s.index(indices.alias(IndexManager.PRODUCTS)).size(0)
                    .source(src -> src.filter(f -> f.includes(NAME.field(), CATEGORY_CODE.field())))
                    .suggest(sg -> sg
                            .suggesters("typed", fs -> fs.prefix(typed).completion(c -> c.field(SUGGEST.field())
                                    .size(candidates)))
                            .suggesters("folded", fs -> fs.prefix(folded).completion(c -> c.field(SUGGEST.field())
                                    .size(candidates))))
                    .aggregations("categories", a -> a.terms(t -> t.field(CATEGORY_PATH.field()).size(500))), Map.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of(); // nothing indexed yet
            }
            log.warn("Suggest rejected: {}", e.toString());
            throw unavailable();
        } catch (IOException e) {
            log.warn("Suggest failed: {}", e.toString());
            throw unavailable();
        }
        Set<String> stocked = response.aggregations().get("categories").sterms().buckets().array().stream()
                .map(b -> b.key().stringValue()).collect(Collectors.toSet());
        List<Suggestion> categoryHits = categories(typed, folded, stocked, Math.max(1, (limit + 2) / 3));
        Map<String, Suggestion> products = new LinkedHashMap<>();
        for (String name : List.of("typed", "folded")) {
            for (var suggestion : response.suggest().getOrDefault(name, List.of())) {
                for (CompletionSuggestOption<Map> option : suggestion.completion().options()) {
                    Map<String, Object> source = option.source();
                    String text = source == null ? null : (String) source.get(NAME.field());
                    if (text != null && keepsTypedMarks(typed, text)) {
                        products.putIfAbsent(VietnameseText.normalize(text),
                                new Suggestion(text, Suggestion.Kind.PRODUCT, (String) source.get(CATEGORY_CODE.field())));
                    }
                }
            }
        }
        List<Suggestion> out = new ArrayList<>(categoryHits);
        products.values().stream().limit(limit - out.size()).forEach(out::add);
        return out;
    }

    private List<Suggestion> categories(String typed, String folded, Set<String> stocked, int max) {
        List<Suggestion> out = new ArrayList<>();
        for (Category c : categories.all()) {
            if (out.size() >= max) {
                break;
            }
            if (!stocked.contains(c.code())) {
                continue;
            }
            for (String name : List.of(c.nameVi(), c.nameEn())) {
                if (wordStartsWith(VietnameseText.fold(name), folded) && keepsTypedMarks(typed, name)) {
                    out.add(new Suggestion(c.nameVi(), Suggestion.Kind.CATEGORY, c.code()));
                    break;
                }
            }
        }
        return out;
    }

    /** Whether some word of the text begins the prefix run: "ca p" is in "hạt cà phê". */
    private static boolean wordStartsWith(String foldedText, String foldedPrefix) {
        List<String> words = VietnameseText.tokens(foldedText);
        String joined = String.join(" ", words);
        String prefix = String.join(" ", VietnameseText.tokens(foldedPrefix));
        return joined.startsWith(prefix) || joined.contains(" " + prefix);
    }

    /**
     * Every word typed with tone marks appears so in the text (the last word, still being typed,
     * as the start of a word); words typed without marks match anything that folds to them.
     */
    static boolean keepsTypedMarks(String typed, String text) {
        List<String> words = VietnameseText.tokens(typed);
        List<String> textWords = VietnameseText.tokens(VietnameseText.normalize(text));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!VietnameseText.hasDiacritics(w)) {
                continue;
            }
            boolean last = i == words.size() - 1;
            if (textWords.stream().noneMatch(t -> last ? t.startsWith(w) : t.equals(w))) {
                return false;
            }
        }
        return true;
    }

    private static String checkedPrefix(String prefix) {
        String typed = VietnameseText.normalize(prefix);
        if (typed.isEmpty() || VietnameseText.tokens(typed).isEmpty()) {
            throw ApiException.badRequest("prefix", Message.of("search.prefix.noLetter"));
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw ApiException.badRequest("prefix", Message.of("input.tooLong", "prefix", MAX_PREFIX_LENGTH));
        }
        return typed;
    }

    private static int checkedFirst(Integer first) {
        if (first == null) {
            return DEFAULT_FIRST;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw ApiException.badRequest("first", Message.of("paging.first.range", MAX_FIRST, first));
        }
        return first;
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
    }
}
