package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.SearchMisses.Cause;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** The cause of an empty page, in the cases the search flow cannot show: no words, and Elasticsearch unreachable. */
@IntegrationTest
class SearchMissClassifierTests {

    @Autowired
    IndexManager indices;
    @Autowired
    ProductQueryBuilder queries;
    @Autowired
    SearchMissClassifier classifier;

    private static ProductFilter province(String p) {
        return ProductFilter.builder().province(p).build();
    }

    @Test
    void textWithoutLettersOrDigitsIsUnreadableWithoutAskingElasticsearch() {
        // No client at all: answering must not need one.
        SearchMissClassifier offline = new SearchMissClassifier(null, indices, queries);
        assertThat(offline.classify("?!... ***", null)).isEqualTo(Cause.UNREADABLE);
        assertThat(offline.classify("🥭 🍍", province("Hà Nội"))).isEqualTo(Cause.UNREADABLE);
        // A short number is something to look for ("2" in "loại 2"); whether it finds anything is another matter.
        assertThat(offline.classify("2", null)).isEqualTo(Cause.NOT_LISTED);
    }

    @Test
    void withoutFiltersTheWordsAloneAreToBlameWithoutAskingElasticsearch() {
        SearchMissClassifier offline = new SearchMissClassifier(null, indices, queries);
        assertThat(offline.classify("sầu riêng qzxq", null)).isEqualTo(Cause.NOT_LISTED);
        // A filter that narrows nothing is no filter.
        assertThat(offline.classify("sầu riêng qzxq", ProductFilter.builder().verifiedOnly(false).capacityUnit("kg")
                .certifications(List.of()).category(" ").build())).isEqualTo(Cause.NOT_LISTED);
    }

    @Test
    void anUnreachableElasticsearchLeavesTheCauseUnknownInsteadOfFailing() {
        try (ElasticsearchClient dead = ElasticsearchClient.of(b -> b.host("http://127.0.0.1:9"))) {
            SearchMissClassifier unreachable = new SearchMissClassifier(dead, indices, queries);
            assertThat(unreachable.classify("sầu riêng", province("Hà Nội"))).isEqualTo(Cause.UNKNOWN);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // The real Elasticsearch answers the same kind of question: these words find nothing even without the filter.
        assertThat(classifier.classify(TestData.unique("qzx"), province("Hà Nội"))).isEqualTo(Cause.NOT_LISTED);
    }
}
