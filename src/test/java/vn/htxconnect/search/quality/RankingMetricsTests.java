package vn.htxconnect.search.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTests {

    private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);

    @Test
    void idealOrderScoresOne() {
        assertThat(RankingMetrics.ndcg(List.of("a", "b", "c"), GRADES, 10)).isCloseTo(1.0, within(1e-9));
        assertThat(RankingMetrics.recall(List.of("a", "b", "c"), GRADES, 10)).isEqualTo(1.0);
    }

    @Test
    void worseOrderAndIrrelevantHitsScoreLess() {
        // ideal: 7/1 + 3/log2(3) + 1/2; got: 0 + 1/log2(3) + 7/2
        double ideal = 7 + 3 / log2(3) + 0.5;
        double got = 1 / log2(3) + 3.5;
        assertThat(RankingMetrics.ndcg(List.of("x", "c", "a"), GRADES, 10)).isCloseTo(got / ideal, within(1e-9));
        assertThat(RankingMetrics.recall(List.of("x", "c", "a"), GRADES, 10)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void onlyTheFirstKCountAndRecallIsCappedByK() {
        assertThat(RankingMetrics.ndcg(List.of("x", "a"), GRADES, 1)).isZero();
        assertThat(RankingMetrics.recall(List.of("a", "x", "b"), GRADES, 2)).isCloseTo(0.5, within(1e-9));
        assertThat(RankingMetrics.recall(List.of("b", "a"), GRADES, 2)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(List.of(), GRADES, 10)).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
