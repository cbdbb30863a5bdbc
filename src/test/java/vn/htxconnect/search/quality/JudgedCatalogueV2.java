package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.search.internal.IndexManager;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.TestData;

/**
 * Loads the v2 judged catalogue ({@code search-quality-v2/catalogue.json}) into a database and index
 * of its own through the public API only: organizations with {@code createOrganization}, listings
 * with the CSV import ({@code POST /api/organizations/{id}/product-imports}), one file per
 * organization, columns as the template ({@code GET /api/product-imports/template.csv}) names them.
 * The labels never leave the test.
 *
 * <p>Loaded afresh on every run (the import itself is under test: its report is what
 * {@link #outcome()} returns). Rows the import rejects only for their certificates (expired ones,
 * schemes outside the app's list — real data the import should take with a warning) are counted as
 * rejected and then imported once more without their certificate cells, so search is always measured
 * on every listing; the certificates play no part in the searched text.
 */
class JudgedCatalogueV2 {

    private static final Set<String> CERTIFICATE_COLUMNS = Set.of("certifications", "ocop_stars");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** What the import said: rows sent, rows created, rows rejected with their reasons. */
    record ImportOutcome(int rows, int created, int rejected, List<String> reasons, int reimportedWithoutCertificates,
                         List<String> warnings) {

        /** Reasons grouped by their message, most frequent first. */
        Map<String, Long> reasonCounts() {
            return reasons.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting())).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
    }

    private final HttpGraphQlTester graphQl;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final ElasticsearchClient elasticsearch;
    private final IndexManager indices;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final JudgedSetV2 set = JudgedSetV2.load();
    private ImportOutcome outcome;

    JudgedCatalogueV2(@Lazy HttpGraphQlTester graphQl, JdbcTemplate jdbc, ApplicationContext context, ElasticsearchClient elasticsearch,
                      IndexManager indices, Outbox outbox, TransactionTemplate tx,
                      Environment environment) {
        this.graphQl = graphQl;
        this.jdbc = jdbc;
        this.context = context;
        this.elasticsearch = elasticsearch;
        this.indices = indices;
        this.outbox = outbox;
        this.tx = tx;
        this.environment = environment;
    }

    JudgedSetV2 set() {
        return set;
    }

    ImportOutcome outcome() {
        return outcome;
    }

    /** The alias searches go to (for the plain Elasticsearch baseline). */
    String productsAlias() {
        return indices.alias(IndexManager.PRODUCTS);
    }

    /** Empties the database and the indices, loads the catalogue, rebuilds the index and waits for it (once per context). */
    synchronized void ensureLoadedAndIndexed() throws IOException {
        if (outcome != null) {
            return;
        }
        try {
            DedicatedDatabase.empty(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        deleteIndices();
        ImportOutcome loaded = load();
        deleteIndices();
        List<Long> ids = jdbc.queryForList("SELECT id FROM product", Long.class);
        tx.executeWithoutResult(s -> outbox.enqueueAll("product", ids, "reindex"));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(graphQl.document("{ searchProducts(first: 1) { totalCount } }").execute()
                        .path("searchProducts.totalCount").entity(Integer.class).get())
                        .isEqualTo(ids.size()));
        outcome = loaded;
    }

    private void deleteIndices() throws IOException {
        String pattern = indices.alias(IndexManager.PRODUCTS) + "_v*";
        elasticsearch.indices().delete(d -> d.index(pattern).ignoreUnavailable(true).allowNoIndices(true));
        indices.invalidate();
    }

    private ImportOutcome load() {
        RestClient rest = RestClient.builder().baseUrl("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestData.adminToken(graphQl)).build();
        List<String> header = templateHeader(rest);
        Map<String, String> orgIds = new LinkedHashMap<>();
        for (JudgedSetV2.Organization o : set.catalogue().organizations()) {
            String id = TestData.createOrganization(graphQl, o.name(), o.kind(), o.province());
            if (o.verified()) {
                TestData.asAdmin(graphQl).document("mutation($id: ID!) { setOrganizationVerification(input: {id: $id, verified: true}) { errors { message } } }")
                        .variable("id", id).execute().path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
            }
            orgIds.put(o.key(), id);
        }
        Map<String, List<JudgedSetV2.Listing>> byOrg = set.catalogue().listings().stream()
                .collect(Collectors.groupingBy(JudgedSetV2.Listing::organization, LinkedHashMap::new, Collectors.toList()));
        LocalDate today = LocalDate.now();
        int rows = 0;
        int created = 0;
        int rejected = 0;
        int again = 0;
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, List<JudgedSetV2.Listing>> e : byOrg.entrySet()) {
            String orgId = orgIds.get(e.getKey());
            List<Map<String, String>> cells = e.getValue().stream().map(l -> row(l, today)).toList();
            Map<String, Object> report = upload(rest, orgId, csv(header, cells));
            rows += cells.size();
            created += number(report, "created");
            rejected += number(report, "rejected");
            warnings.addAll(strings(report.get("warnings")));
            List<Map<String, Object>> errors = errors(report);
            // Row numbers count the header as row 1.
            Map<Integer, List<Map<String, Object>>> byRow = errors.stream()
                    .collect(Collectors.groupingBy(err -> ((Number) err.get("row")).intValue()));
            List<Map<String, String>> retry = new ArrayList<>();
            byRow.forEach((row, errs) -> {
                for (Map<String, Object> err : errs) {
                    reasons.add(err.get("column") + ": " + String.valueOf(err.get("message")).replaceAll("'[^']*'", "'…'"));
                }
                boolean onlyCertificates = errs.stream().allMatch(err -> CERTIFICATE_COLUMNS.contains(String.valueOf(err.get("column"))));
                if (onlyCertificates && row >= 2 && row - 2 < cells.size()) {
                    Map<String, String> stripped = new LinkedHashMap<>(cells.get(row - 2));
                    CERTIFICATE_COLUMNS.forEach(c -> stripped.put(c, ""));
                    retry.add(stripped);
                }
            });
            if (!retry.isEmpty()) {
                Map<String, Object> second = upload(rest, orgId, csv(header, retry));
                again += number(second, "created");
            }
        }
        return new ImportOutcome(rows, created, rejected, List.copyOf(reasons), again, List.copyOf(warnings));
    }

    /** One CSV row as the template's columns name them. */
    private static Map<String, String> row(JudgedSetV2.Listing l, LocalDate today) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("external_ref", l.ref());
        r.put("name", l.name());
        r.put("category", l.category());
        r.put("description", l.description());
        r.put("unit", l.unit());
        r.put("price_min_vnd", l.priceMinVnd() == null ? "" : l.priceMinVnd().toString());
        r.put("price_max_vnd", l.priceMaxVnd() == null ? "" : l.priceMaxVnd().toString());
        r.put("monthly_capacity", l.monthlyCapacity() == null ? "" : String.valueOf(l.monthlyCapacity().longValue()));
        r.put("available_months", l.availableMonths() == null ? "" : l.availableMonths().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        List<String> certs = new ArrayList<>();
        Integer stars = null;
        for (JudgedSetV2.Cert c : l.certifications()) {
            LocalDate validTo = c.expired() ? today.minusMonths(6) : today.plusMonths(18);
            certs.add(c.scheme() + ":" + c.number() + ":" + validTo + (c.issuer() == null ? "" : ":" + c.issuer()));
            if (c.ocopStars() != null) {
                stars = c.ocopStars();
            }
        }
        r.put("certifications", String.join(";", certs));
        r.put("ocop_stars", stars == null ? "" : stars.toString());
        r.put("province", l.province());
        return r;
    }

    private static String csv(List<String> header, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (Map<String, String> r : rows) {
                printer.printRecord(header.stream().map(h -> r.getOrDefault(h, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> templateHeader(RestClient rest) {
        String template = new String(rest.get().uri("/api/product-imports/template.csv").retrieve().body(byte[].class),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (CSVParser parser = CSVParser.parse(new StringReader(template), CSVFormat.RFC4180)) {
            return parser.getRecords().getFirst().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> upload(RestClient rest, String organizationId, String csv) {
        return rest.post().uri("/api/organizations/{id}/product-imports?fileName=judged-v2.csv", organizationId)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> {
                    Map<String, Object> body = res.bodyTo(JSON);
                    if (res.getStatusCode().value() != 201 || body == null) {
                        throw new IllegalStateException("import answered " + res.getStatusCode().value() + ": " + body);
                    }
                    return body;
                });
    }

    private static int number(Map<String, Object> report, String key) {
        Object v = report.get(key);
        return v instanceof Number n ? n.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> report) {
        Object v = report.get("errors");
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
