package vn.htxconnect.program;

import java.time.LocalDate;

/**
 * What an event led to. Inquiries and linkages count from the event's first day to {@link
 * TradeEvent#OUTCOME_DAYS} days later ({@code windowEndsOn}, exclusive).
 *
 * @param inquiries conversations a participant opened as buyer with another participant as supplier in the window
 * @param linkages supply linkages (not rejected) proposed in the window between two participants, or
 *                 recorded with the event as their origin
 * @param activatedLinkages of those, the ones both sides have confirmed
 */
public record TradeEventOutcomes(long exhibitors, long visitors, long attended, long leads, long leadsConverted,
                                 long inquiries, long linkages, long activatedLinkages, LocalDate windowEndsOn) {

    public long participants() {
        return exhibitors + visitors;
    }
}
