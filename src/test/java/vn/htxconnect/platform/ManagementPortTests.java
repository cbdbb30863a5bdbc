package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;

/**
 * With actuator on a management port of its own (bound to 127.0.0.1, as HTX_MANAGEMENT_PORT does), Prometheus
 * scrapes it without a token and health shows its details; the public port serves no actuator at all.
 */
@IntegrationTest
@TestPropertySource(properties = {"management.server.port=0", "management.server.address=127.0.0.1",
        "management.endpoint.health.show-details=always"})
class ManagementPortTests {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePrivatePortAnswersWithoutATokenAndThePublicOneNotAtAll() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("htx_outbox_pending ");
        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"").contains("\"outbox\"");
        assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
        assertThat(get(port, "/actuator/metrics").statusCode()).isIn(401, 404);
    }
}
