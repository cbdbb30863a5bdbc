package vn.htxconnect.inquiry;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Counts of inquiries for reports on what brought buyers and suppliers together (trade fairs, programmes). */
public interface ConversationCounts {

    /** Inquiries opened by a buyer among {@code buyerIds} to a supplier among {@code supplierIds}, started in [from, to). */
    record Window(Collection<Long> buyerIds, Collection<Long> supplierIds, Instant from, Instant to) {
    }

    /**
     * The number of inquiries in each window, in one SQL statement whatever the number of windows.
     * Conversations a supplier opened itself (with a quote) are no inquiries and never count.
     */
    <K> Map<K, Long> inquiries(Map<K, Window> windows);
}
