package vn.htxconnect.inquiry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.htxconnect.inquiry.ResponseStats;
import vn.htxconnect.inquiry.ResponseStatsService;
import vn.htxconnect.organization.TrustSignalSource;
import vn.htxconnect.organization.TrustSignals;

/**
 * The response rate as a trust signal for matching. It counts only from {@link #MIN_CONVERSATIONS}
 * counted inquiries on: one unanswered message must not sink a new supplier, one answer must not crown it.
 */
@Component
class ResponseTrustSignals implements TrustSignalSource {

    static final int MIN_CONVERSATIONS = 3;

    private final ResponseStatsService stats;

    ResponseTrustSignals(ResponseStatsService stats) {
        this.stats = stats;
    }

    @Override
    public Map<Long, TrustSignals> signalsFor(Collection<Long> organizationIds) {
        Map<Long, TrustSignals> out = new HashMap<>();
        for (Map.Entry<Long, ResponseStats> e : stats.statsFor(organizationIds).entrySet()) {
            ResponseStats s = e.getValue();
            if (s.responseRate() != null && s.conversationCount() >= MIN_CONVERSATIONS) {
                out.put(e.getKey(), new TrustSignals(s.responseRate(), null));
            }
        }
        return out;
    }
}
