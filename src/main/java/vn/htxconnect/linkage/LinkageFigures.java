package vn.htxconnect.linkage;

import java.util.List;
import java.util.function.LongPredicate;

/** Linkage figures for the Alliance's reports (counts only, no volumes or prices). */
public interface LinkageFigures {

    /** Linkages that became active in one quarter, e.g. {@code 2026-Q3}. */
    record Quarter(String quarter, long formed) {
    }

    /** The last {@code quarters} quarters, oldest first, zero-filled; in one province (supplier side) or everywhere. */
    List<Quarter> formedPerQuarter(String provinceCode, int quarters);

    /**
     * How many of the counted organizations (the caller decides which: the cooperatives of a province, say) are
     * a side of at least one active linkage.
     */
    long withActiveLinkage(LongPredicate counted);
}
