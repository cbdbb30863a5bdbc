package vn.htxconnect.search;

import java.time.LocalDate;
import java.util.List;

/**
 * Product searches that found nothing, counted per normalised text, day and cause (no identity kept):
 * unmet demand, and why it went unmet.
 */
public interface SearchMisses {

    /** Why a first page of results was empty, worked out when it happened. */
    enum Cause {
        /** The words find active products, but the buyer's filters exclude every one of them. */
        FILTERED_OUT,
        /** No active product matches the words at all: demand the catalogue does not meet. */
        NOT_LISTED,
        /** The text has no letter or digit (punctuation, emoji), so there were no words to look for. */
        UNREADABLE,
        /** Not known: counted before causes were recorded, or Elasticsearch could not be asked. */
        UNKNOWN
    }

    /**
     * @param query the text as last typed (tone marks kept, digits masked)
     * @param normalized the folded form the searches were counted under
     * @param cause why these searches found nothing; one text may appear once per cause
     */
    record Miss(String query, String normalized, Cause cause, long searches, LocalDate lastDay) {
    }

    /** How many searches found nothing for one cause, and how many different texts they were. */
    record CauseCount(Cause cause, long searches, long texts) {
    }

    /**
     * The most frequent misses between the two days (inclusive), most searched first; with {@code containing}
     * (null for all) only those whose normalised text contains it, normalised the same way; with {@code cause}
     * (null for all) only those of that cause.
     */
    List<Miss> top(LocalDate from, LocalDate to, String containing, Cause cause, int limit);

    /** Misses between the two days (inclusive) per cause, every cause in declaration order (zero when none). */
    List<CauseCount> byCause(LocalDate from, LocalDate to);
}
