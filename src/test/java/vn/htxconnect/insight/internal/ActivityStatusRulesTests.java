package vn.htxconnect.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.htxconnect.insight.ActivityStatus;
import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.platform.VietnamTime;

/** The status thresholds at their edges, the trend's month ends and the English sentences. */
class ActivityStatusRulesTests {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 15, 10, 0, 0, 0, VietnamTime.ZONE);

    private static Instant monthsAgo(int months) {
        return NOW.minusMonths(months).toInstant();
    }

    private static ActivityStatus at(Instant registered, Instant latest) {
        return ActivityStatusRules.classify(registered, latest, NOW.toInstant());
    }

    @Test
    void statusesChangeExactlyAtSixAndTwelveMonthsAndAfterThreeMonthsOfNothing() {
        Instant old = monthsAgo(30);
        assertThat(at(old, NOW.toInstant())).isEqualTo(ActivityStatus.ACTIVE);
        assertThat(at(old, monthsAgo(6).plusSeconds(1))).isEqualTo(ActivityStatus.ACTIVE);
        assertThat(at(old, monthsAgo(6))).isEqualTo(ActivityStatus.DORMANT);
        assertThat(at(old, monthsAgo(12).plusSeconds(1))).isEqualTo(ActivityStatus.DORMANT);
        assertThat(at(old, monthsAgo(12))).isEqualTo(ActivityStatus.PAPER_ONLY);
        assertThat(at(old, null)).isEqualTo(ActivityStatus.PAPER_ONLY);
        assertThat(at(monthsAgo(3).plusSeconds(1), null)).isEqualTo(ActivityStatus.NEW);
        assertThat(at(monthsAgo(3), null)).isEqualTo(ActivityStatus.PAPER_ONLY);
        // Any activity decides, however recent the registration.
        assertThat(at(monthsAgo(1), monthsAgo(1))).isEqualTo(ActivityStatus.ACTIVE);
    }

    @Test
    void theTrendEndsWithTheLastCompleteMonthAtItsLastMicrosecondInVietnam() {
        List<YearMonth> months = ActivityStatusRules.trendMonths(NOW.toInstant());
        assertThat(months).hasSize(12).startsWith(YearMonth.of(2025, 3)).endsWith(YearMonth.of(2026, 2));
        // 1 March 2026 00:00 in Vietnam is 28 February 17:00 UTC.
        assertThat(ActivityStatusRules.endOf(YearMonth.of(2026, 2))).isEqualTo(Instant.parse("2026-02-28T16:59:59.999999Z"));
    }

    @Test
    void sentencesNameTheMonthsAndEverySignal() {
        Instant now = NOW.toInstant();
        CooperativeActivity paper = new CooperativeActivity(1, ActivityStatus.PAPER_ONLY, monthsAgo(30), monthsAgo(14),
                ActivityKind.PRODUCT_UPDATED, List.of(new CooperativeActivity.Signal(ActivityKind.PRODUCT_UPDATED, monthsAgo(14)),
                new CooperativeActivity.Signal(ActivityKind.QUOTE_SENT, null)), now);
        assertThat(ActivityStatusExplanations.summaryMessage(paper).toString()).isEqualTo("No activity for 14 months (latest in 01/2025)");
        assertThat(paper.signals().stream().map(x -> ActivityStatusExplanations.signalMessage(x).toString()))
                .containsExactly("Last product update: 01/2025", "No quote sent");
        CooperativeActivity never = new CooperativeActivity(1, ActivityStatus.PAPER_ONLY, monthsAgo(24), null, null, List.of(), now);
        assertThat(ActivityStatusExplanations.summaryMessage(never).toString()).isEqualTo("Never active since registration in 03/2024 (24 months ago)");
        for (ActivityKind kind : ActivityKind.values()) {
            assertThat(ActivityStatusExplanations.signalMessage(new CooperativeActivity.Signal(kind, null)).toString()).isNotBlank();
        }
    }
}
