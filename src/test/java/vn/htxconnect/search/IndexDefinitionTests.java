package vn.htxconnect.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.htxconnect.search.internal.IndexManager;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * An upgrade that changes the product index definition (here: an index built before the
 * {@code name_unmarked} field existed) goes on indexing at once, because the new fields are put into the
 * live mapping, and rebuilds the index into a new version on its own, with search working throughout.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}definition-",
        "htx.search.reindex-when-definition-changes=true",
        "htx.search.definition-check-delay=3s",
        "htx.search.definition-check-interval=1s",
        "spring.datasource.url=" + DedicatedDatabase.URL + "definition" + DedicatedDatabase.OPTIONS})
class IndexDefinitionTests {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexManager indices;
    @Autowired
    ApplicationContext context;

    @Test
    void anIndexFromAnOlderDefinitionTakesNewDocumentsAndIsRebuilt() throws Exception {
        DedicatedDatabase.emptyOnce(context);
        String alias = indices.alias(IndexManager.PRODUCTS);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode old = (ObjectNode) json.readTree(IndexManager.definition(IndexManager.PRODUCTS));
        ((ObjectNode) old.get("mappings").get("properties")).remove("name_unmarked");
        ((ObjectNode) old.get("mappings").get("_meta")).put("definition_hash", "an older definition");
        // The app may have made its own index meanwhile (its outbox or its check): replace it with the old one.
        client.indices().delete(d -> d.index(alias + "_v*").ignoreUnavailable(true).allowNoIndices(true));
        client.indices().create(c -> c.index(alias + "_v1").withJson(new StringReader(json.writeValueAsString(old)))
                .aliases(alias, a -> a.isWriteIndex(true)));
        indices.invalidate();

        String tag = TestData.unique("def");
        String org = TestData.createOrganization(graphQl, "HTX Tôm " + tag, "COOPERATIVE", "Cà Mau");
        // A name written without tone marks fills the new field: the old strict mapping would refuse it.
        TestData.createProduct(graphQl, org, "Tom kho Ca Mau " + tag, "AQUATIC_DRIED", Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestData.searchNames(graphQl, "tôm khô " + tag, null)).first().isEqualTo("Tom kho Ca Mau " + tag));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(indices.aliasTargets(IndexManager.PRODUCTS)).containsExactly(alias + "_v2");
            assertThat(indices.outdated(IndexManager.PRODUCTS)).isFalse();
        });
        // Rebuilt once: later checks find the index in line and start nothing more.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() ->
                indices.aliasTargets(IndexManager.PRODUCTS).equals(List.of(alias + "_v2")));
        var meta = client.indices().getMapping(g -> g.index(alias)).mappings().values().iterator().next().mappings().meta();
        assertThat(meta.get("definition_hash").to(String.class)).isNotEqualTo("an older definition").hasSize(64);
        assertThat(TestData.searchNames(graphQl, "tôm khô " + tag, null)).first().isEqualTo("Tom kho Ca Mau " + tag);
    }
}
