package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;

/**
 * Turns exceptions thrown by data fetchers into GraphQL errors with {@code extensions.code}.
 * Anything unexpected becomes INTERNAL with a reference id; the cause is logged, never sent.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", api.code().name());
            if (api.field() != null) {
                ext.put("field", api.field());
            }
            return error(env, api.code(), api.text(), ext);
        }
        if (ex instanceof ConstraintViolationException cve) {
            // Bean Validation's own texts, as it writes them.
            return error(env, ErrorCode.BAD_REQUEST, Message.english(cve.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().reduce((a, b) -> a + "; " + b)
                    .orElse("Invalid input")), Map.of("code", ErrorCode.BAD_REQUEST.name()));
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return error(env, ErrorCode.BAD_REQUEST, Message.of("error.staleVersion"),
                    Map.of("code", ErrorCode.BAD_REQUEST.name(), "reason", "STALE_VERSION"));
        }
        String ref = UUID.randomUUID().toString();
        log.error("Unexpected error in {} (ref {})", env.getExecutionStepInfo().getPath(), ref, ex);
        return error(env, ErrorCode.INTERNAL, Message.of("error.internal.ref", ref),
                Map.of("code", ErrorCode.INTERNAL.name(), "ref", ref));
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, Message message, Map<String, Object> ext) {
        return new KeyedError(GraphqlErrorBuilder.newError(env).message(message.toString()).errorType(typeOf(code))
                .extensions(ext).build(), message);
    }

    static ErrorType typeOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case BAD_REQUEST, RATE_LIMITED -> ErrorType.BAD_REQUEST;
            case SEARCH_UNAVAILABLE, INTERNAL -> ErrorType.INTERNAL_ERROR;
        };
    }
}
