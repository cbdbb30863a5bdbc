package vn.htxconnect.search.internal;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
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
}
