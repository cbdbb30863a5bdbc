package vn.htxconnect.inquiry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inquiry settings.
 *
 * @param dailyLimit inquiries a buyer organization may start in any 24 hours
 * @param statsPeriodDays how far back response statistics look
 * @param responseWindowHours how soon a supplier's first answer must come to count as a response
 */
@ConfigurationProperties("htx.inquiry")
record InquiryProperties(@DefaultValue("20") int dailyLimit, @DefaultValue("90") int statsPeriodDays,
                         @DefaultValue("48") int responseWindowHours) {
}
