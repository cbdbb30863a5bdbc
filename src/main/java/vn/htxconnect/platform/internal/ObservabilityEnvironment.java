package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Turns the operator's short switches into Spring Boot's settings, but only when they are set: several of Boot's
 * switches are "on when the property exists", so an {@code ${HTX_OTLP_ENDPOINT:}} placeholder in
 * {@code application.yml} would switch the OTLP exporter on with an empty address. Runs before logging starts, so
 * the log format applies from the first line.
 * <ul>
 * <li>{@code HTX_OTLP_ENDPOINT} (e.g. {@code http://collector:4318/v1/traces}): spans are exported over OTLP;
 *     without it they stay in the process (trace ids still appear in the logs).</li>
 * <li>{@code HTX_LOG_FORMAT} = {@code ecs}, {@code logstash} or {@code gelf}: one JSON object per console line;
 *     anything else (or nothing) is plain text.</li>
 * <li>{@code HTX_MANAGEMENT_PORT} (+ {@code HTX_MANAGEMENT_ADDRESS}, default 127.0.0.1): actuator moves to its
 *     own port, which is not public, so it answers there without a token and health shows its details.</li>
 * </ul>
 * The settings rank just below the environment variables and system properties (an explicit
 * {@code MANAGEMENT_SERVER_PORT} wins) and above {@code application.yml}, whose defaults they replace.
 */
class ObservabilityEnvironment implements EnvironmentPostProcessor {

    static final Set<String> LOG_FORMATS = Set.of("ecs", "logstash", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = settings(environment::getProperty);
        if (!settings.isEmpty()) {
            MapPropertySource source = new MapPropertySource("htxObservability", settings);
            if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
    }

    /** The Spring properties the HTX_ switches stand for (a function so it is tested without an environment). */
    static Map<String, Object> settings(java.util.function.Function<String, String> env) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String otlp = trimmed(env.apply("HTX_OTLP_ENDPOINT"));
        if (otlp != null) {
            settings.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp);
        }
        String format = trimmed(env.apply("HTX_LOG_FORMAT"));
        if (format != null && LOG_FORMATS.contains(format.toLowerCase(java.util.Locale.ROOT))) {
            settings.put("logging.structured.format.console", format.toLowerCase(java.util.Locale.ROOT));
        }
        String port = trimmed(env.apply("HTX_MANAGEMENT_PORT"));
        if (port != null) {
            settings.put("management.server.port", port);
            String address = trimmed(env.apply("HTX_MANAGEMENT_ADDRESS"));
            settings.put("management.server.address", address == null ? "127.0.0.1" : address);
            settings.put("management.endpoint.health.show-details", "always");
        }
        return settings;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
