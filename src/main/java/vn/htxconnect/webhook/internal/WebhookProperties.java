package vn.htxconnect.webhook.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code htx.webhook.*}).
 *
 * @param retrySchedule the wait after the 1st, 2nd … failed attempt; when it is used up the delivery is DEAD. The
 *                      default is Standard Webhooks' (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: 8 attempts over 27.6 h)
 * @param connectTimeout connecting to a receiver
 * @param requestTimeout the whole request, from sending to the response's status
 * @param pollInterval how often an instance looks for due deliveries
 * @param batchSize deliveries claimed (and sent in parallel) per round
 * @param disableAfterDeadDeliveries an endpoint is disabled after this many DEAD deliveries in a row …
 * @param disableAfterFailingFor … or when every attempt since this long ago failed
 * @param previousSecretValidity how long a rotated-away secret still signs beside the new one
 * @param maxPayloadBytes a larger event is sent with its object's ID only ({@code truncated: true})
 * @param allowedHosts host names or addresses/CIDR ranges that may be loopback or private and may use plain http
 *                     (tests, a partner's VPN); nothing by default
 * @param logRetention how long delivered and dead deliveries stay in the log
 * @param enabled whether this instance sends deliveries (fan-out follows the outbox)
 */
@ConfigurationProperties("htx.webhook")
record WebhookProperties(@DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
                         @DefaultValue("5s") Duration connectTimeout,
                         @DefaultValue("10s") Duration requestTimeout,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("5") int disableAfterDeadDeliveries,
                         @DefaultValue("5d") Duration disableAfterFailingFor,
                         @DefaultValue("24h") Duration previousSecretValidity,
                         @DefaultValue("262144") int maxPayloadBytes,
                         @DefaultValue({}) List<String> allowedHosts,
                         @DefaultValue("30d") Duration logRetention,
                         @DefaultValue("true") boolean enabled) {

    /**
     * How long a claimed delivery is reserved for the instance sending it; if that instance dies mid-send the
     * delivery comes due again after this, so nothing is lost (it may be sent twice: at least once).
     */
    Duration lease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }
}
