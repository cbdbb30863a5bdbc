package vn.htxconnect.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.flywaydb.core.Flyway;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

import vn.htxconnect.search.internal.IndexManager;

/**
 * For test classes that run in a database and index prefix of their own (set with
 * {@code @TestPropertySource}) because what they assert depends on everything in the catalogue:
 * empties both once per run, then recreates the schema and the start-up data (the admin).
 */
public final class DedicatedDatabase {

    /** {@code "spring.datasource.url=" + URL + "<suffix>" + OPTIONS}: the test database's name with a suffix. */
    public static final String URL = "jdbc:mysql://${HTX_DB_HOST:127.0.0.1}:${HTX_DB_PORT:3306}/${HTX_TEST_DB:htxconnect_test}_";
    /** Connection options of every test database (created when missing). */
    public static final String OPTIONS = "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=UTF-8"
            + "&connectionTimeZone=UTC&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false";

    private static final Set<String> EMPTIED = ConcurrentHashMap.newKeySet();

    private DedicatedDatabase() {
    }

    public static void emptyOnce(ApplicationContext context) throws Exception {
        String prefix = context.getEnvironment().getRequiredProperty("htx.search.index-prefix");
        if (EMPTIED.add(prefix)) {
            empty(context);
        }
    }

    /** Empties the context's database and indices now, then recreates the schema and the start-up data. */
    public static void empty(ApplicationContext context) throws Exception {
        String prefix = context.getEnvironment().getRequiredProperty("htx.search.index-prefix");
        Flyway flyway = context.getBean(Flyway.class);
        flyway.clean();
        flyway.migrate();
        for (ApplicationRunner r : context.getBeanProvider(ApplicationRunner.class).orderedStream().toList()) {
            r.run(new DefaultApplicationArguments());
        }
        context.getBean(ElasticsearchClient.class).indices()
                .delete(d -> d.index(prefix + "*").ignoreUnavailable(true).allowNoIndices(true));
        context.getBean(IndexManager.class).invalidate();
    }
}
