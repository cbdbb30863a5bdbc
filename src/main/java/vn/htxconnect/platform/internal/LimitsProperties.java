package vn.htxconnect.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API limits, GitHub/Shopify style.
 *
 * @param maxDepth deepest selection nesting allowed
 * @param maxCost most points one query may request (a connection costs its {@code first} times its parents)
 * @param maxAliases most aliased fields in one document
 * @param maxCharacters longest document
 * @param maxTokens most parser tokens in one document
 * @param budget points a caller may hold (user, API key, or address for anonymous callers)
 * @param refillPerSecond points returned to every budget each second (leaky bucket)
 * @param timeout longest a query may run before its remaining fields fail
 */
@ConfigurationProperties("htx.limits")
record LimitsProperties(@DefaultValue("16") int maxDepth, @DefaultValue("10000") int maxCost,
                        @DefaultValue("30") int maxAliases, @DefaultValue("20000") int maxCharacters,
                        @DefaultValue("5000") int maxTokens, @DefaultValue("50000") int budget,
                        @DefaultValue("100") int refillPerSecond, @DefaultValue("10s") Duration timeout) {
}
