package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Actuator's safe defaults (anonymous callers see UP or DOWN and the probes; metrics and Prometheus need a
 * platform admin's JWT) and the metrics the service defines, read from a real Prometheus scrape after the things
 * they count happened. The limits are those of LimitsBudgetTests (same context) so a budget runs out quickly.
 */
@IntegrationTest
@TestPropertySource(properties = {"htx.limits.max-cost=150", "htx.limits.budget=350", "htx.limits.refill-per-second=1"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

    private static final Logger log = LoggerFactory.getLogger(ObservabilityTests.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObservationRegistry observations;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousCallersSeeOnlyUpOrDownAndTheProbes() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            // The status, and for the root the names of the probe groups (liveness, readiness): no component.
            assertThat(body.propertyNames()).as(path + " shows no detail").isSubsetOf("status", "groups");
            assertThat(body.has("components")).isFalse();
            assertThat(body.path("status").asString()).isEqualTo("UP");
        }
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void adminsSeeDetailsButApiKeysDoNot() throws Exception {
        String admin = TestData.adminToken(graphQl);
        JsonNode health = JSON.readTree(get("/actuator/health", admin).body());
        assertThat(health.path("components").has("outbox")).as("an admin sees the components").isTrue();
        assertThat(get("/actuator/metrics", admin).statusCode()).isEqualTo(200);

        // An admin's API key carries no platform role: partners' keys read the API, not the service's internals.
        String secret = TestData.asAdmin(graphQl).document("""
                mutation { createApiKey(input: {name: "Giám sát", scopes: ["catalog:read"]}) { secret } }""")
                .execute().path("createApiKey.secret").entity(String.class).get();
        assertThat(get("/actuator/prometheus", secret).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", secret).statusCode()).isEqualTo(403);
    }

    @Test
    void theScrapeHasTheServicesOwnMetrics() throws Exception {
        // A search, a failed sign-in, a product written (indexed through the outbox), a caller out of budget.
        graphQl.document("{ searchProducts(query: \"gạo\", first: 5) { totalCount } }").execute()
                .path("searchProducts.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isNotNegative());
        graphQl.document("mutation { login(input: {email: \"nobody@example.vn\", password: \"wrong\"}) { token } }")
                .execute().path("login.token").valueIsNull();
        String org = TestData.createOrganization(graphQl, TestData.unique("HTX Quan sát"), "COOPERATIVE", "01");
        TestData.createProduct(graphQl, org, TestData.unique("Gạo quan sát"), "RICE", Map.of());
        TestData.awaitOutboxDrained(jdbc);
        boolean limited = false;
        for (int i = 0; i < 20 && !limited; i++) {
            List<ResponseError> errors = graphQl.document("{ searchProducts(first: 100) { totalCount } categories { code } }")
                    .execute().returnResponse().getErrors();
            limited = errors.stream().anyMatch(e -> "RATE_LIMITED".equals(e.getExtensions().get("code")));
        }
        assertThat(limited).as("the anonymous budget ran out").isTrue();

        HttpResponse<String> r = get("/actuator/prometheus", TestData.adminToken(graphQl));
        assertThat(r.statusCode()).isEqualTo(200);
        String scrape = r.body();
        assertThat(scrape)
                .containsPattern(series("htx_graphql_requests_seconds_bucket", "graphql_root=\"searchProducts\""))
                .containsPattern(series("htx_graphql_requests_seconds_count", "graphql_root=\"createProduct\"",
                        "graphql_type=\"mutation\"", "outcome=\"success\""))
                .containsPattern(series("htx_graphql_requests_seconds_count", "graphql_root=\"multiple\"", "outcome=\"error\""))
                .containsPattern(series("htx_elasticsearch_requests_seconds_bucket", "endpoint=\"search\""))
                .containsPattern(series("htx_elasticsearch_requests_seconds_count", "endpoint=\"bulk\""))
                .containsPattern(series("htx_graphql_refused_total", "reason=\"rate\""))
                .containsPattern(series("htx_account_signin_failures_total", "reason=\"wrong\""))
                .containsPattern(series("htx_search_indexer_documents_total", "outcome=\"written\""))
                .contains("htx_outbox_pending ")
                .contains("htx_outbox_oldest_age_seconds ");
        assertThat(value(scrape, series("htx_account_signin_failures_total", "reason=\"wrong\""))).isPositive();
        assertThat(value(scrape, series("htx_search_indexer_documents_total", "outcome=\"written\""))).isPositive();
        // A count read from MySQL (at most 5 s old, so it may still include the product's event).
        assertThat(value(scrape, Pattern.compile("htx_outbox_pending(\\{[^}]*\\})?"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void logLinesCarryTheTraceId(CapturedOutput output) {
        Observation.createNotStarted("htx.test", observations).observe(() -> log.info("inside an observation"));
        assertThat(output.getAll().lines().filter(l -> l.contains("inside an observation")))
                .singleElement().asString().containsPattern("\\[htx-connect,[0-9a-f]{32},[0-9a-f]{16}\\]");
    }

    /** A series of this metric whose labels include all of these (in the exporter's alphabetical order). */
    private static Pattern series(String name, String... labels) {
        StringBuilder p = new StringBuilder(Pattern.quote(name)).append("\\{");
        for (String label : labels) {
            p.append("(?:[^}]*,)?").append(Pattern.quote(label));
        }
        return Pattern.compile(p.append("[^}]*\\}").toString());
    }

    private static double value(String scrape, Pattern series) {
        var m = Pattern.compile("^" + series.pattern() + " (\\S+)", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as("series " + series).isTrue();
        return Double.parseDouble(m.group(m.groupCount()));
    }
}
