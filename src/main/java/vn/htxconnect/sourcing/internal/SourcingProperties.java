package vn.htxconnect.sourcing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sourcing settings.
 *
 * @param matchNoticeThreshold lowest match score (0 to 1) at which match discovery tells buyer and supplier
 */
@ConfigurationProperties("htx.sourcing")
record SourcingProperties(@DefaultValue("0.5") double matchNoticeThreshold) {
}
