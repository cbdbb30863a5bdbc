package vn.htxconnect.search.quality;

import java.util.List;
import java.util.Map;

/**
 * Ranking measures over graded judgments (3 perfect, 2 good, 1 acceptable, unlisted 0).
 *
 * <p>nDCG@k uses exponential gains {@code 2^grade - 1} and a {@code log2(rank + 1)} discount; the
 * ideal ranking is the judged products sorted by grade, so a result list is compared with the best
 * one the catalogue allows, not with what the engine returned. Recall@k counts products graded 1
 * or more among the first k, divided by {@code min(k, number of such products)}, so a query with
 * more relevant products than k can still reach 1.
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double ideal = dcg(grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).limit(k).toList());
        if (ideal == 0) {
            return 0;
        }
        List<Integer> gains = ranked.stream().limit(k).map(ref -> grades.getOrDefault(ref, 0)).toList();
        return dcg(gains) / ideal;
    }

    static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(ref -> grades.getOrDefault(ref, 0) > 0).count();
        return (double) found / Math.min(k, relevant);
    }

    private static double dcg(List<Integer> gradesInRankOrder) {
        double sum = 0;
        for (int i = 0; i < gradesInRankOrder.size(); i++) {
            sum += (Math.pow(2, gradesInRankOrder.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
