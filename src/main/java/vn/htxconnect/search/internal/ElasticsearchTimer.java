package vn.htxconnect.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Elasticsearch client's instrumentation hook used as a timer: {@code htx.elasticsearch.requests}, tagged with
 * the client's endpoint id ({@code search}, {@code bulk}, {@code indices.get_alias}…, a fixed set the client
 * defines, without its "es/" prefix) and the outcome, with a percentile histogram so Prometheus computes quantiles across instances. The
 * time runs from the call to the decoded answer (serialising the request and reading the response included): what
 * a request of ours waits for. Costs a map look-up and a clock read or two per call.
 */
class ElasticsearchTimer implements Instrumentation {

    static final String NAME = "htx.elasticsearch.requests";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ElasticsearchTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public <TRequest> Context newContext(TRequest request, Endpoint<TRequest, ?, ?> endpoint) {
        String id = endpoint.id();
        // The client names its endpoints "es/search", "es/bulk"…: the prefix says nothing here.
        return new Call(id.startsWith("es/") ? id.substring(3) : id, System.nanoTime());
    }

    private Timer timer(String endpoint, String outcome) {
        return timers.computeIfAbsent(endpoint + '\u0000' + outcome, k -> Timer.builder(NAME)
                .description("Elasticsearch calls, from the client call to the decoded answer")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
    }

    private final class Call implements Context {

        private final String endpoint;
        private final long started;
        private boolean failed;

        Call(String endpoint, long started) {
            this.endpoint = endpoint;
            this.started = started;
        }

        @Override
        public ThreadScope makeCurrent() {
            return () -> { };
        }

        @Override
        public void beforeSendingHttpRequest(TransportHttpClient.Request httpRequest, TransportOptions options) {
        }

        @Override
        public void afterReceivingHttpResponse(TransportHttpClient.Response httpResponse) {
        }

        @Override
        public <TResponse> void afterDecodingApiResponse(TResponse apiResponse) {
        }

        @Override
        public void recordException(Throwable thr) {
            failed = true;
        }

        @Override
        public void close() {
            timer(endpoint, failed ? "error" : "success").record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
