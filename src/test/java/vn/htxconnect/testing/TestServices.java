package vn.htxconnect.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.mysql.MySQLContainer;

import vn.htxconnect.testing.SqlStatementCounter;

/**
 * Where the integration tests' MySQL and Elasticsearch come from. {@code HTX_TEST_SERVICES=local}
 * or {@code =docker} forces a choice; by default Docker is used when an engine answers.
 * <p>
 * It lives outside {@code vn.htxconnect.support} (the other test helpers' package) because that is also the
 * {@code support} module's package: a module test ({@code @ApplicationModuleTest}) of a module that does not
 * depend on {@code support} would leave it out.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServices {

    private static volatile Boolean docker;

    static boolean useDocker() {
        Boolean d = docker;
        if (d == null) {
            d = detectDocker();
            docker = d;
        }
        return d;
    }

    private static boolean detectDocker() {
        String forced = System.getenv("HTX_TEST_SERVICES");
        if ("local".equalsIgnoreCase(forced)) {
            return false;
        }
        if ("docker".equalsIgnoreCase(forced)) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    MySQLContainer mysql() {
        return new MySQLContainer("mysql:8.4").withDatabaseName("htxconnect_test");
    }

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    ElasticsearchContainer elasticsearch() {
        // The same version as scripts/services.sh runs without Docker (HTX_ES_VERSION sets both).
        String version = System.getenv().getOrDefault("HTX_ES_VERSION", "9.5.0");
        return new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:" + version)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
    }

    /**
     * The GraphQL tester with a patient timeout: on a loaded 2-core CI machine password hashing and a
     * cold start can take longer than the default 5 s, and a slow answer is not a wrong one.
     */
    @Bean
    @org.springframework.context.annotation.Lazy // the server's port is known only after start
    org.springframework.graphql.test.tester.HttpGraphQlTester httpGraphQlTester(Environment env) {
        org.springframework.test.web.reactive.server.WebTestClient client = org.springframework.test.web.reactive.server
                .WebTestClient.bindToServer().baseUrl("http://localhost:" + env.getProperty("local.server.port") + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        return org.springframework.graphql.test.tester.HttpGraphQlTester.builder(client.mutate())
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    /** Points the app's mail at the in-JVM SMTP server, so tests read back what it sends ({@link TestMail}). */
    @Bean
    static DynamicPropertyRegistrar testMailServer() {
        return registry -> {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", TestMail::port);
        };
    }

    /** Counts SQL statements, so tests can prove a request costs a constant number of them. */
    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    /** Without Docker, check the local services before anything else starts, and say how to start them. */
    @Bean
    @Conditional(NoDocker.class)
    static BeanFactoryPostProcessor localServicesCheck(Environment env) {
        return factory -> {
            String dbHost = env.getProperty("HTX_DB_HOST", "127.0.0.1");
            int dbPort = Integer.parseInt(env.getProperty("HTX_DB_PORT", "3306"));
            URI es = URI.create(env.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200").split(",")[0].strip());
            require("MySQL-compatible server", dbHost, dbPort);
            require("Elasticsearch", es.getHost(), es.getPort() < 0 ? 9200 : es.getPort());
            FreshStart.once(env);
        };
    }

    private static void require(String what, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port
                    + " and no Docker engine is available. Start the local services with `scripts/services.sh up` "
                    + "(the README's Test command `scripts/test.sh` does this for you).");
        }
    }

    static class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return useDocker();
        }
    }

    static class NoDocker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !useDocker();
        }
    }
}
