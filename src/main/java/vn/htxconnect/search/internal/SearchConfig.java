package vn.htxconnect.search.internal;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Configuration;

/** Beans of the search module that are plain objects. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean
    QueryExpander queryExpander() {
        return new QueryExpander(SynonymRules.fromClasspath());
    }

    /**
     * Spring Boot's transport (the same client, mapper and options), with one timer around every Elasticsearch
     * call ({@link ElasticsearchTimer}): every module's searches, bulks and admin calls go through it, so no call
     * site needs its own timing. Replaces Boot's, which backs off when a transport bean exists.
     */
    @Bean
    Rest5ClientTransport restClientTransport(Rest5Client restClient, JsonpMapper jsonpMapper,
                                             ObjectProvider<Rest5ClientOptions> options, MeterRegistry meters) {
        return new Rest5ClientTransport(restClient, jsonpMapper, options.getIfAvailable(), new ElasticsearchTimer(meters));
    }

    /** I/O buffer and chunk size of the Elasticsearch client's HTTP/1.1 connections (Apache HttpCore's default: 8 KB). */
    static final int HTTP_BUFFER_BYTES = 64 * 1024;

    /**
     * Larger I/O buffers for the Elasticsearch client. With HttpCore's 8 KB a 2 MB bulk body went out as ~250 chunks,
     * each a socket write and a wake-up of the client's I/O reactor: during a reindex that reactor thread took more
     * than half of the app's CPU, about as much as the readers that build the documents (docs/performance.md,
     * profile 4, CPU-time samples). Search responses of 20 hits (tens of KB) are read in fewer rounds too.
     */
    @Bean
    Rest5ClientBuilderCustomizer elasticsearchHttpBuffers() {
        return new Rest5ClientBuilderCustomizer() {
            @Override
            public void customize(Rest5ClientBuilder builder) {
            }

            @Override
            public void customize(HttpAsyncClientBuilder builder) {
                builder.setHttp1Config(Http1Config.custom().setBufferSize(HTTP_BUFFER_BYTES)
                        .setChunkSizeHint(HTTP_BUFFER_BYTES).build());
            }
        };
    }
}
