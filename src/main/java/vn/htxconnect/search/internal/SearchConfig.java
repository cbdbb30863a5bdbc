package vn.htxconnect.search.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the search module that are plain objects. */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    @Bean
    QueryExpander queryExpander() {
        return new QueryExpander(SynonymRules.fromClasspath());
    }
}
