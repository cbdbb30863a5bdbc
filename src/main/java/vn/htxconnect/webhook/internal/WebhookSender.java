package vn.htxconnect.webhook.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.webhook.WebhookEndpointDisabled;

/**
 * Sends due deliveries: claims a batch with {@code FOR UPDATE SKIP LOCKED} (several instances take disjoint
 * batches) and leases it, commits, sends the batch in parallel on virtual threads, then records each result in a
 * transaction of its own. A delivery waits while an earlier one of the same object to the same endpoint is open,
 * so each endpoint sees an object's events in order. Redirects are not followed (a 3xx is a failure: it could point
 * inside the network), the URL is checked against the guard again right before each send, and the
 * {@code webhook-timestamp} is the send time, so a retry or redelivery carries a fresh one (and the same ID).
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final WebhookProperties properties;
    private final UrlGuard guard;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final HttpClient http;
    private final ReentrantLock sending = new ReentrantLock();

    WebhookSender(WebhookStore store, WebhookProperties properties, UrlGuard guard, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.guard = guard;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${htx.webhook.poll-interval:1s}", initialDelayString = "1s")
    void poll() {
        if (!properties.enabled() || !sending.tryLock()) {
            return;
        }
        try {
            int claimed;
            do {
                claimed = sendOnce();
            } while (claimed >= properties.batchSize() && !Thread.currentThread().isInterrupted());
        } catch (DataAccessException e) {
            log.warn("Webhook deliveries not readable, retrying: {}", e.getMostSpecificCause().getMessage());
        } finally {
            sending.unlock();
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it claimed. */
    int sendOnce() {
        List<WebhookStore.Delivery> due = tx.execute(s -> store.claimDue(properties.batchSize(), properties.lease()));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        Map<Long, WebhookStore.Endpoint> endpoints = new HashMap<>();
        for (WebhookStore.Delivery d : due) {
            endpoints.computeIfAbsent(d.endpointId(), id -> store.endpoint(id).orElse(null));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (WebhookStore.Delivery d : due) {
                WebhookStore.Endpoint e = endpoints.get(d.endpointId());
                if (e != null) {
                    sent.add(pool.submit(() -> record(d, e, send(d, e))));
                }
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    log.warn("Recording a webhook delivery failed; it comes due again after its lease", ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return due.size();
    }

    /** What one attempt gave: a status (null when there was no answer), how long it took, and an error text. */
    record Outcome(Integer status, int latencyMs, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    Outcome send(WebhookStore.Delivery d, WebhookStore.Endpoint e) {
        long start = System.nanoTime();
        UrlGuard.Checked checked;
        try {
            checked = guard.check(e.url());
        } catch (UrlGuard.Refused r) {
            return new Outcome(null, 0, "refused: " + r.text().key());
        }
        long timestamp = Instant.now().getEpochSecond();
        StringBuilder signature = new StringBuilder(Signatures.sign(e.secret(), d.messageId(), timestamp, d.payload()));
        if (e.previousSecret() != null) {
            signature.append(' ').append(Signatures.sign(e.previousSecret(), d.messageId(), timestamp, d.payload()));
        }
        HttpRequest request = HttpRequest.newBuilder(checked.uri()).timeout(properties.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "HTX-Connect-Webhooks/1")
                .header("webhook-id", d.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature.toString())
                .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, millisSince(start), status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException ex) {
            return new Outcome(null, millisSince(start), "timeout: " + ex.getMessage());
        } catch (IOException ex) {
            return new Outcome(null, millisSince(start), ex.getClass().getSimpleName() + ": " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(start), "interrupted");
        }
    }

    /**
     * Records an attempt: DELIVERED, or FAILED with the next wait from the schedule, or DEAD once it is used up. A
     * DEAD delivery counts against the endpoint; enough in a row, or failures only for too long, disable it and
     * its owner is told (in the same transaction).
     */
    void record(WebhookStore.Delivery d, WebhookStore.Endpoint e, Outcome outcome) {
        tx.executeWithoutResult(s -> {
            if (outcome.delivered()) {
                store.delivered(d.id(), outcome.status(), outcome.latencyMs());
                store.endpointSucceeded(e.id());
                return;
            }
            int attempt = d.attempt() + 1;
            List<Duration> schedule = properties.retrySchedule();
            Duration retryIn = attempt <= schedule.size() ? schedule.get(attempt - 1) : null;
            store.failed(d.id(), outcome.status(), outcome.latencyMs(), outcome.error(), retryIn);
            store.endpointFailed(e.id(), retryIn == null);
            if (store.disableFailing(e.id(), properties.disableAfterDeadDeliveries(), properties.disableAfterFailingFor())) {
                WebhookStore.Endpoint now = store.endpoint(e.id()).orElseThrow();
                log.warn("Webhook endpoint {} disabled after {} dead deliveries in a row (failing since {})", e.id(),
                        now.failureStreak(), now.failingSince());
                events.publishEvent(new WebhookEndpointDisabled(e.organizationId(),
                        GlobalId.encode(WebhookInputs.ENDPOINT_TYPE, e.id()), e.url(), now.failureStreak()));
            }
        });
    }

    /** Keeps the log to {@code htx.webhook.log-retention}: delivered and dead deliveries older than that go. */
    @Scheduled(fixedDelayString = "${htx.webhook.purge-interval:1h}", initialDelayString = "${htx.webhook.purge-interval:1h}")
    void purge() {
        try {
            int n;
            do {
                n = store.purge(properties.logRetention(), 1000);
            } while (n == 1000);
        } catch (DataAccessException e) {
            log.warn("Webhook log not purged, retrying later: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private static int millisSince(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
