package vn.htxconnect.program;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Trade-event participation for the Alliance's report figures. Which organizations count (the cooperatives
 * of a province, say) is the caller's to decide, so this module reads only its own tables.
 */
public interface EventFigures {

    /**
     * One quarter, e.g. {@code 2026-Q3}: events the counted organizations took part in, how many of them
     * took part, and the leads buyers recorded with them (as the supplier) at those events.
     */
    record Quarter(String quarter, long events, long participants, long leads) {
    }

    /**
     * Participation by the quarter an event ended in, the last {@code quarters} quarters up to {@code today}
     * (oldest first, zero-filled). Taking part is what the activity signal counts: exhibiting, or being
     * checked in; cancelled events and days still to come never count. Two statements over the window only.
     */
    List<Quarter> perQuarter(LongPredicate counted, int quarters, LocalDate today);

    /** How many of the counted organizations took part in an event that ended in {@code [from, today]}. */
    long participantsBetween(LongPredicate counted, LocalDate from, LocalDate today);
}
