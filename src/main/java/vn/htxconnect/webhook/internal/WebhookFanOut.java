package vn.htxconnect.webhook.internal;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.platform.OutboxHandler;

/**
 * Turns published events into deliveries, from the outbox (so in a transaction after the change committed): one
 * per enabled endpoint that subscribes to the type, may hear the audience and whose filters match. Only database
 * work: the sending is {@link WebhookSender}'s, with its own retry schedule.
 */
@Component
@Order(OutboxHandler.READS_DERIVED_DATA)
class WebhookFanOut implements OutboxHandler {

    private final WebhookStore store;

    WebhookFanOut(WebhookStore store) {
        this.store = store;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(WebhookManagement.OUTBOX_TYPE);
    }

    @Override
    public Collection<OutboxEvent> handle(OutboxBatch batch) {
        store.fanOut(batch.aggregateIds(WebhookManagement.OUTBOX_TYPE));
        return List.of();
    }

    /** The guard, with the configured allow-list and the system's resolver. */
    @Configuration(proxyBeanMethods = false)
    static class GuardConfig {
        @Bean
        UrlGuard webhookUrlGuard(WebhookProperties properties) {
            return new UrlGuard(properties.allowedHosts(), InetAddress::getAllByName);
        }
    }
}
