package vn.htxconnect.inquiry;

/**
 * How an organization answers inquiries over a recent period: a trust signal for buyers and an input
 * for matching.
 *
 * @param responseRate share (0 to 1) of counted conversations answered within the response window,
 *                     null when none are counted
 * @param medianFirstResponseSeconds median time to the first answer among answered conversations, or null
 * @param conversationCount conversations counted (answered, or unanswered and past the window)
 * @param answeredInTimeCount counted conversations answered within the window
 * @param periodDays the period looked at
 * @param responseWindowHours how soon an answer must come to count
 */
public record ResponseStats(Double responseRate, Long medianFirstResponseSeconds, long conversationCount,
                            long answeredInTimeCount, int periodDays, int responseWindowHours) {

    /** Stats of an organization that has no counted conversation. */
    public static ResponseStats none(int periodDays, int responseWindowHours) {
        return new ResponseStats(null, null, 0, 0, periodDays, responseWindowHours);
    }
}
