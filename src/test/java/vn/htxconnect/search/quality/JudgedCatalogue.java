package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.platform.Outbox;
import vn.htxconnect.search.internal.IndexManager;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.TestData;

/**
 * The fixed catalogue of {@code search-quality/catalogue.json}, loaded into a database and index of
 * its own through the public GraphQL API. A marker organization named after the fixture's hash
 * (and the month, because certificate validity is relative to the load date) makes the load happen
 * once; any other content is wiped first. The index is always rebuilt from the database, so a
 * change to the mapping or to the search documents is measured on the next run.
 */
class JudgedCatalogue {

    static final String RESOURCE = "search-quality/catalogue.json";
    private static final String MARKER_PREFIX = "Judged search catalogue ";

    record Catalogue(String description, List<Organization> organizations, List<Item> products) {
    }

    record Organization(String key, String name, String kind, String province, boolean verified) {
    }

    record Item(String externalRef, String organization, String name, String description, String category, String unit,
                Long priceMinVnd, Long priceMaxVnd, Double monthlyCapacity, List<Integer> availableMonths,
                String province, List<Cert> certifications) {
    }

    /** A certificate without dates: valid ones are made current, {@code expired} ones lapsed, relative to the load day. */
    record Cert(String scheme, String number, String issuer, Integer ocopStars, boolean expired) {
    }

    private final HttpGraphQlTester graphQl;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final ElasticsearchClient elasticsearch;
    private final IndexManager indices;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Catalogue catalogue;
    private final String marker;
    private volatile boolean indexed;

    JudgedCatalogue(@org.springframework.context.annotation.Lazy HttpGraphQlTester graphQl, JdbcTemplate jdbc, ApplicationContext context, ElasticsearchClient elasticsearch,
                    IndexManager indices, Outbox outbox, TransactionTemplate tx) {
        this.graphQl = graphQl;
        this.jdbc = jdbc;
        this.context = context;
        this.elasticsearch = elasticsearch;
        this.indices = indices;
        this.outbox = outbox;
        this.tx = tx;
        byte[] bytes = read(RESOURCE);
        this.catalogue = json().readValue(bytes, Catalogue.class);
        this.marker = MARKER_PREFIX + sha256(bytes).substring(0, 16) + " " + YearMonth.now();
    }

    static JsonMapper json() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Loads the catalogue unless this exact one is there, then rebuilds the index (once per
     * application context) and waits for it.
     */
    synchronized void ensureLoadedAndIndexed() throws IOException {
        if (indexed) {
            return;
        }
        Integer markers = jdbc.queryForObject("SELECT COUNT(*) FROM organization WHERE name = ?", Integer.class, marker);
        if (markers == null || markers == 0) {
            try {
                DedicatedDatabase.empty(context);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            deleteIndices();
            load();
        }
        deleteIndices();
        List<Long> ids = jdbc.queryForList("SELECT id FROM product", Long.class);
        tx.executeWithoutResult(s -> outbox.enqueueAll("product", ids, "reindex"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(graphQl.document("{ searchProducts(first: 1) { totalCount } }").execute()
                        .path("searchProducts.totalCount").entity(Integer.class).get())
                        .isEqualTo(catalogue.products().size()));
        indexed = true;
    }

    private void deleteIndices() throws IOException {
        String pattern = indices.alias(IndexManager.PRODUCTS) + "_v*";
        elasticsearch.indices().delete(d -> d.index(pattern).ignoreUnavailable(true).allowNoIndices(true));
        indices.invalidate();
    }

    private void load() {
        Map<String, String> orgIds = new LinkedHashMap<>();
        for (Organization o : catalogue.organizations()) {
            String id = TestData.createOrganization(graphQl, o.name(), o.kind(), o.province());
            if (o.verified()) {
                TestData.asAdmin(graphQl).document("mutation($id: ID!) { setOrganizationVerification(input: {id: $id, verified: true}) { errors { message } } }")
                        .variable("id", id).execute().path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
            }
            orgIds.put(o.key(), id);
        }
        LocalDate today = LocalDate.now();
        for (Item p : catalogue.products()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("externalRef", p.externalRef());
            input.put("description", p.description());
            input.put("unit", p.unit());
            input.put("priceMinVnd", p.priceMinVnd());
            input.put("priceMaxVnd", p.priceMaxVnd());
            input.put("monthlyCapacity", p.monthlyCapacity());
            input.put("availableMonths", p.availableMonths());
            input.put("province", p.province());
            // Expired certificates go through the API like current ones: they import as history.
            List<Map<String, Object>> certs = new ArrayList<>();
            for (Cert c : p.certifications() == null ? List.<Cert>of() : p.certifications()) {
                Map<String, Object> cert = new LinkedHashMap<>();
                cert.put("scheme", c.scheme());
                cert.put("number", c.number());
                cert.put("issuer", c.issuer());
                cert.put("ocopStars", c.ocopStars());
                cert.put("validFrom", (c.expired() ? today.minusMonths(30) : today.minusMonths(6)).toString());
                cert.put("validTo", (c.expired() ? today.minusMonths(6) : today.plusMonths(18)).toString());
                certs.add(cert);
            }
            input.put("certifications", certs);
            TestData.createProduct(graphQl, orgIds.get(p.organization()), p.name(), p.category(), input);
        }
        TestData.createOrganization(graphQl, marker, "PARTNER", "Hà Nội");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
