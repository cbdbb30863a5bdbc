package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.htxconnect.testing.IntegrationTest;

/**
 * Every index definition in search-config/ is applied to the real Elasticsearch, so a setting the
 * core distribution lacks (asciifolding, synonym, ngram…) fails here, not in production.
 */
@IntegrationTest
class SearchConfigTests {

    @Autowired
    ElasticsearchClient client;

    @Test
    void everyIndexDefinitionIsAcceptedByElasticsearch() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("search-config", "indices"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String index = "config-check-" + file.getFileName().toString().replace(".json", "");
            String body = Files.readString(file);
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            boolean ok = client.indices().create(c -> c.index(index).withJson(new StringReader(body))).acknowledged();
            assertThat(ok).as(file.toString()).isTrue();
            // The analyzers really run on this server.
            var tokens = client.indices().analyze(a -> a.index(index).analyzer("vi_shingles").text("cà phê sữa")).tokens();
            assertThat(tokens).extracting(t -> t.token()).contains("cà phê", "phê sữa");
            client.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void synonymFileParses() {
        assertThat(vn.htxconnect.search.internal.SynonymRules.fromClasspath().size()).isGreaterThan(20);
    }
}
