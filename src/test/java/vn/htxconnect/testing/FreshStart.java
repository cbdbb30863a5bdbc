package vn.htxconnect.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * A test run starts from empty local services: each test database is dropped, and each index prefix's indices
 * deleted, the first time a test context of this JVM is about to use them (Flyway then creates the schema as for a
 * new installation). Without it the shared test database kept every product earlier runs made (166,000 after a day
 * of runs), and tests that walk the whole catalogue — a full reindex — grew slower with every run until they timed
 * out. Docker containers are new for each run anyway. {@code HTX_TEST_KEEP_DATA=1} keeps the data (to look at it
 * after a failure); the application's own database and the benchmark's are never touched.
 */
final class FreshStart {

    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();
    private static final Pattern DATABASE = Pattern.compile("^jdbc:mysql://([^/?]+)/([A-Za-z0-9_]+)");
    /** Databases a test must never drop, whatever the settings say. */
    private static final Pattern PROTECTED = Pattern.compile("htxconnect|htxconnect_bench.*");

    private FreshStart() {
    }

    static void once(Environment env) {
        if ("1".equals(env.getProperty("HTX_TEST_KEEP_DATA"))) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        Matcher m = DATABASE.matcher(url);
        if (m.find() && !PROTECTED.matcher(m.group(2)).matches() && DONE.add("db:" + url.substring(0, m.end()))) {
            dropDatabase(m.group(1), m.group(2), env);
        }
        String prefix = env.getProperty("htx.search.index-prefix");
        String es = env.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9200").split(",")[0].strip();
        if (prefix != null && !prefix.isBlank() && DONE.add("es:" + es + "|" + prefix)) {
            deleteIndices(es, prefix);
        }
    }

    private static void dropDatabase(String hostAndPort, String database, Environment env) {
        String user = env.getProperty("spring.datasource.username", "htx");
        String password = env.getProperty("spring.datasource.password", "htx");
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + hostAndPort
                + "/?allowPublicKeyRetrieval=true&useSSL=false", user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The prefix's own indices only ({@code test-products_v3}), not those of a longer prefix another context of this
     * run may be using ({@code test-judged-products_v1}).
     */
    private static void deleteIndices(String es, String prefix) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String names = http.send(HttpRequest.newBuilder(URI.create(es + "/_cat/indices/" + prefix + "*?h=index"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Pattern own = Pattern.compile(Pattern.quote(prefix) + "[a-z_]+_v[0-9]+");
            List<String> mine = Arrays.stream(names.split("\\s+")).filter(n -> own.matcher(n).matches()).toList();
            if (!mine.isEmpty()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(es + "/" + String.join(",", mine)))
                        .timeout(Duration.ofSeconds(60)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("Elasticsearch answered " + r.statusCode() + ": " + r.body());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not empty the test indices " + prefix + "*: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
