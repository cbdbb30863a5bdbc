package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.SimpleJsonpMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.region.ProvinceService;

/**
 * The Elasticsearch queries {@link ProductTextQuery} builds for every judged query text, compared
 * byte for byte with a committed golden file: a change to how the query is written (a refactoring)
 * must not change what is sent, or the judged search figures could move without anyone noticing.
 * When a change is meant to alter the queries, regenerate the file with {@code -Dhtx.golden.write=true}
 * and let the judged sets say whether it is better.
 *
 * <p>The holdout queries of the v2 set are never to be read query by query (RULES.md section 5), so
 * the file keeps only hashes of their text and of their queries.
 */
class ProductTextQueryGoldenTests {

    private static final Path GOLDEN = Path.of("src/test/resources/search-golden/product-text-queries.jsonl");
    private static final Path ORDINARY_TYPING = Path.of("src/test/java/vn/htxconnect/search/quality/OrdinaryTypingTests.java");
    /** A row of the category seed migration: code, parent (or NULL), Vietnamese and English names, order. */
    private static final Pattern SEED_ROW = Pattern.compile(
            "\\('([A-Z0-9_]+)',\\s*(NULL|'[A-Z0-9_]+'),\\s*'((?:[^']|'')*)',\\s*'((?:[^']|'')*)',\\s*(\\d+)\\)");
    /** Texts beyond the judged sets: edge cases of the entry points and shapes the sets lack. */
    private static final List<String> EXTRA = List.of("", "   ", "?!.,;+!:", "HTX Ea Tu", "Ea Tu", "hợp tác xã Chư Sê",
            "cà phê Đắk Nông", "thanh long An Giang", "Bình Phước", "gạo 25", "nam", "hoa huệ", "mè xửng Huế",
            "tỉnh Thừa Thiên Huế", "hoa hue", "dứa", "lá dứa", "bưởi Bến Tre", "bột ca cao", "hạt điều rang muối",
            "trái cây sấy", "chè Thái Nguyên", "khoai mì", "bưỡi da xanh", "cần mua 5 tấn gạo ST25 VietGAP giao Cần Thơ",
            "tôm khô", "ca phe robsuta", "Ngô (bắp)", "mat ong hoa ca phe");

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProductTextQuery text = new ProductTextQuery(new QueryExpander(SynonymRules.fromClasspath()),
            new ProvinceService(), new FixedTaxonomy(seedTaxonomy()));

    /** What each line stands for, in the same order, for the failure message. */
    private final List<String> shown = new ArrayList<>();

    @Test
    void queriesForTheJudgedTextsAreByteIdenticalToTheGoldenFile() throws IOException {
        List<String> lines = new ArrayList<>();
        shown.clear();
        add(lines, "search-quality", queries("search-quality/judgments.json"), false);
        add(lines, "search-quality-v2/dev", queries("search-quality-v2/queries-dev.json"), false);
        add(lines, "search-quality-v2/holdout", queries("search-quality-v2/queries-holdout.json"), true);
        add(lines, "ordinary-typing", ordinaryTyping(), false);
        add(lines, "judged-matching", titles("sourcing/judged-matching/requests.json", "requests"), false);
        add(lines, "judged-requests", titles("sourcing/judged-requests.json", "cases"), false);
        add(lines, "extra", EXTRA, true, false);
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("htx.golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        List<String> golden = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(lines).as("texts covered").hasSizeGreaterThan(300);
        for (int i = 0; i < Math.min(golden.size(), lines.size()); i++) {
            assertThat(lines.get(i)).as("line %d of %s; the query now sent:%n%s", i + 1, GOLDEN, shown.get(i))
                    .isEqualTo(golden.get(i));
        }
        assertThat(lines).hasSameSizeAs(golden);
    }

    private void add(List<String> lines, String set, List<String> texts, boolean hashed) {
        add(lines, set, texts, false, hashed);
    }

    /**
     * One line per distinct text: what {@code build}, {@code loose} and {@code highlight} send. With
     * {@code filtered}, also {@code build} with a filter (only for the extra texts: the filters only pass
     * through, and the file would double in size for every judged text).
     */
    private void add(List<String> lines, String set, List<String> texts, boolean filtered, boolean hashed) {
        for (String t : new LinkedHashSet<>(texts)) {
            Optional<Query> built = text.build(t, List.of());
            Optional<Query> withFilters = text.build(t, List.of(Query.of(q -> q.term(x -> x.field("status").value("ACTIVE")))));
            String build = built.map(ProductTextQueryGoldenTests::serialize).orElse("none");
            String withFilter = withFilters.map(ProductTextQueryGoldenTests::serialize).orElse("none");
            String loose = String.join(",", text.loose(t).stream().map(ProductTextQueryGoldenTests::serialize).toList());
            Query highlight = text.highlight(t);
            String mark = highlight == null ? "none" : serialize(highlight);
            String sent = "build: " + build + (filtered ? "\nfiltered: " + withFilter : "") + "\nloose: [" + loose
                    + "]\nhighlight: " + mark;
            ObjectNode line = json.createObjectNode().put("set", set);
            // The file keeps texts and digests of the queries, not the queries: a change of one clause then
            // shows as the list of texts whose queries changed, and the failure prints the new query.
            if (hashed) {
                line.put("textSha256", sha256(t));
            } else {
                line.put("text", t);
            }
            line.put("querySha256", sha256(sent));
            lines.add(json.writeValueAsString(line));
            shown.add(hashed ? "(a holdout text: not shown)" : sent);
        }
    }

    private static String serialize(Query q) {
        return JsonpUtils.toJsonString(q, new SimpleJsonpMapper());
    }

    private List<String> queries(String resource) {
        List<String> out = new ArrayList<>();
        read(resource).get("queries").forEach(q -> out.add(q.get("query").asString()));
        assertThat(out).as("queries in %s", resource).isNotEmpty();
        return out;
    }

    private List<String> titles(String resource, String array) {
        List<String> out = new ArrayList<>();
        read(resource).get(array).forEach(r -> {
            JsonNode request = r.has("request") ? r.get("request") : r;
            out.add(request.get("title").asString());
        });
        assertThat(out).as("titles in %s", resource).isNotEmpty();
        return out;
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both columns of OrdinaryTypingTests' cases, read from its source so a new case is covered here too. */
    private static List<String> ordinaryTyping() {
        try {
            String source = Files.readString(ORDINARY_TYPING, StandardCharsets.UTF_8);
            String block = source.substring(source.indexOf("@CsvSource({"), source.indexOf("})", source.indexOf("@CsvSource({")));
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(block);
            while (m.find()) {
                for (String part : m.group(1).split(",")) {
                    out.add(part.strip());
                }
            }
            assertThat(out).as("ordinary-typing cases").hasSizeGreaterThan(20);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The taxonomy the application seeds, so compound words and named categories are the real ones. */
    private static List<Category> seedTaxonomy() {
        try (InputStream in = new ClassPathResource("db/migration/V4__category_seed.sql").getInputStream()) {
            Matcher m = SEED_ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Category> out = new ArrayList<>();
            Set<String> codes = new LinkedHashSet<>();
            while (m.find()) {
                String parent = m.group(2).equals("NULL") ? null : m.group(2).replace("'", "");
                out.add(new Category(m.group(1), parent, m.group(3).replace("''", "'"), m.group(4).replace("''", "'"),
                        Integer.parseInt(m.group(5))));
                codes.add(m.group(1));
            }
            assertThat(codes).as("seeded categories").hasSizeGreaterThan(40);
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
