package vn.htxconnect.platform.internal;

import graphql.parser.ParserOptions;
import org.springframework.context.annotation.Configuration;

/**
 * Parser limits (document size and tokens) that stop hostile documents before execution; the depth limit is checked
 * in the same walk as the cost ({@link LimitsInstrumentation}).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    LimitsConfig(LimitsProperties limits) {
        // graphql-java reads parser limits from a static default; set it once at start.
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()).maxRuleDepth(200)));
    }
}
