package vn.htxconnect.platform.internal;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Depth limit and parser limits (document size and tokens) that stop hostile documents before execution. */
@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    LimitsConfig(LimitsProperties limits) {
        // graphql-java reads parser limits from a static default; set it once at start.
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()).maxRuleDepth(200)));
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(LimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }
}
