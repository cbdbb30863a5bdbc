package vn.htxconnect.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.springframework.stereotype.Component;

/**
 * Adds {@code extensions.searchIndex} to a response whose product search answered while the index was missing or
 * being rebuilt ({@link ProductIndexHealer#extension}): its results come from what exists, and the caller can tell
 * an empty catalogue from an index that is coming back.
 */
@Component
class SearchIndexExtension extends SimplePerformantInstrumentation {

    /** The GraphQL context key under which a search leaves what the response should say. */
    static final String KEY = SearchIndexExtension.class.getName();

    /** Called by a search while the index is degraded. */
    static void report(GraphQLContext context, Map<String, Object> extension) {
        if (context != null && extension != null) {
            context.put(KEY, extension);
        }
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Object extension = parameters.getGraphQLContext() == null ? null : parameters.getGraphQLContext().get(KEY);
        if (extension == null) {
            return CompletableFuture.completedFuture(result);
        }
        Map<Object, Object> extensions = new LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
        extensions.put("searchIndex", extension);
        return CompletableFuture.completedFuture(result.transform(b -> b.extensions(extensions)));
    }
}
