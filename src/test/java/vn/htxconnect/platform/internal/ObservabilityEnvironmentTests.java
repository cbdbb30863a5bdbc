package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTX_ switches become Spring Boot's settings only when set, and HTX_LOG_FORMAT really gives JSON lines. */
class ObservabilityEnvironmentTests {

    @Test
    void unsetOrBlankSwitchesChangeNothing() {
        assertThat(ObservabilityEnvironment.settings(Map.<String, String>of()::get)).isEmpty();
        assertThat(ObservabilityEnvironment.settings(Map.of("HTX_OTLP_ENDPOINT", " ", "HTX_LOG_FORMAT", "",
                "HTX_MANAGEMENT_PORT", "")::get)).isEmpty();
        assertThat(ObservabilityEnvironment.settings(Map.of("HTX_LOG_FORMAT", "text")::get))
                .as("plain text is the default, not a format name").isEmpty();
    }

    @Test
    void setSwitchesMapToBootsProperties() {
        assertThat(ObservabilityEnvironment.settings(Map.of("HTX_OTLP_ENDPOINT", "http://otel:4318/v1/traces",
                "HTX_LOG_FORMAT", "ECS", "HTX_MANAGEMENT_PORT", "9090")::get))
                .containsEntry("management.opentelemetry.tracing.export.otlp.endpoint", "http://otel:4318/v1/traces")
                .containsEntry("logging.structured.format.console", "ecs")
                .containsEntry("management.server.port", "9090")
                .containsEntry("management.server.address", "127.0.0.1")
                .containsEntry("management.endpoint.health.show-details", "always");
        assertThat(ObservabilityEnvironment.settings(Map.of("HTX_MANAGEMENT_PORT", "9090",
                "HTX_MANAGEMENT_ADDRESS", "0.0.0.0")::get)).containsEntry("management.server.address", "0.0.0.0");
    }

    /**
     * Starts a bare application in a JVM of its own (switching this JVM's logging to JSON would change the lines
     * of every later test) with {@code HTX_LOG_FORMAT=ecs}, and parses its log line as JSON.
     */
    @Test
    void logFormatSwitchGivesJsonLines() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JsonLogMain.class.getName());
        pb.environment().put("HTX_LOG_FORMAT", "ecs");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().filter(l -> l.contains("one line as JSON")).toList();
        assertThat(lines).as(out).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(line.path("message").asString()).isEqualTo("one line as JSON");
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.toString()).as("the trace id goes along").contains("0af7651916cd43dd8448eb211c80319c");
    }

    /** A context with nothing in it, started with this application's environment post-processors and logging. */
    @Configuration(proxyBeanMethods = false)
    static class JsonLogMain {

        public static void main(String[] args) {
            SpringApplication app = new SpringApplication(JsonLogMain.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            try (ConfigurableApplicationContext ignored = app.run(args)) {
                // Where Micrometer Tracing puts the ids of the current span.
                org.slf4j.MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
                LoggerFactory.getLogger(JsonLogMain.class).info("one line as JSON");
            }
        }
    }
}
