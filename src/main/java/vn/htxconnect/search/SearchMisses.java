package vn.htxconnect.search;

import java.time.LocalDate;
import java.util.List;

/** Product searches that found nothing, counted per normalised text (no identity kept): unmet demand. */
public interface SearchMisses {

    /**
     * @param query the text as last typed (tone marks kept, digits masked)
     * @param normalized the folded form the searches were counted under
     */
    record Miss(String query, String normalized, long searches, LocalDate lastDay) {
    }

    /**
     * The most frequent misses between the two days (inclusive), most searched first; with {@code containing}
     * (null for all) only those whose normalised text contains it, normalised the same way.
     */
    List<Miss> top(LocalDate from, LocalDate to, String containing, int limit);
}
