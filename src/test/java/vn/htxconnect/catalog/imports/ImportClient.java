package vn.htxconnect.catalog.imports;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Calls the REST import endpoints of the running test server and reads their JSON. */
final class ImportClient {

    static final String HEADER = "external_ref,name,category,description,unit,price_min_vnd,price_max_vnd,min_order_qty,"
            + "monthly_capacity,available_months,certifications,ocop_stars,province,lat,lon,image_urls";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** Status, JSON body and headers of a response, whatever the status. */
    record Response(int status, Map<String, Object> body, HttpHeaders headers) {

        Object get(String key) {
            return body.get(key);
        }

        int number(String key) {
            return ((Number) body.get(key)).intValue();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.get("errors");
        }
    }

    private final RestClient rest;

    /** A client whose reports come back in English (the texts these tests read). */
    ImportClient(int port, String bearerToken) {
        this(port, bearerToken, "en");
    }

    /** A client asking for reports in {@code language} ("vi" or "en"). */
    ImportClient(int port, String bearerToken, String language) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (bearerToken != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        this.rest = builder.build();
    }

    static String csv(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    Response upload(String organizationId, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return rest.post().uri("/api/organizations/{id}/product-imports", organizationId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> new Response(res.getStatusCode().value(), res.bodyTo(JSON), res.getHeaders()));
    }

    Response upload(String organizationId, String csv) {
        return upload(organizationId, "products.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A raw text/csv body instead of a multipart form. */
    Response post(String organizationId, String csv) {
        return rest.post().uri("/api/organizations/{id}/product-imports?fileName=raw.csv", organizationId)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> new Response(res.getStatusCode().value(), res.bodyTo(JSON), res.getHeaders()));
    }

    Response report(String organizationId, String importId) {
        return rest.get().uri("/api/organizations/{org}/product-imports/{id}", organizationId, importId)
                .exchange((req, res) -> new Response(res.getStatusCode().value(), res.bodyTo(JSON), res.getHeaders()));
    }

    /** Polls the report until the import has finished. */
    Response awaitFinished(String organizationId, String importId, Duration atMost) {
        AtomicReference<Response> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.set(report(organizationId, importId));
            return List.of("DONE", "FAILED").contains(last.get().get("status"));
        });
        return last.get();
    }

    byte[] template() {
        return rest.get().uri("/api/product-imports/template.csv").retrieve().body(byte[].class);
    }

    HttpHeaders templateHeaders() {
        return rest.get().uri("/api/product-imports/template.csv").retrieve().toBodilessEntity().getHeaders();
    }
}
