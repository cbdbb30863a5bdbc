package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Messages;

/**
 * Translates every error message into the caller's language and gives every error a code, including those graphql-java raises before any data fetcher runs
 * (syntax, validation, variable coercion): they are the client's mistakes, so BAD_REQUEST.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String language = Messages.languageOf(request.getHeaders().getFirst("Accept-Language"));
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(e -> translated(withCode(e), language)).toList();
            return response.transform(b -> b.errors(coded));
        });
    }

    private static GraphQLError translated(GraphQLError e, String language) {
        String message = Messages.translate(e.getMessage(), language);
        if (message.equals(e.getMessage())) {
            return e;
        }
        return GraphqlErrorBuilder.newError().message(message).locations(e.getLocations()).path(e.getPath())
                .errorType(e.getErrorType()).extensions(e.getExtensions()).build();
    }

    private static boolean hasCode(GraphQLError e) {
        return e.getExtensions() != null && e.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError e) {
        if (hasCode(e)) {
            return e;
        }
        Map<String, Object> ext = new LinkedHashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
        ErrorClassification type = e.getErrorType();
        String name = type == null ? "" : type.toString();
        ErrorCode code = switch (name) {
            case "ValidationError", "InvalidSyntax", "BAD_REQUEST", "OperationNotSupported", "ExecutionAborted" ->
                    ErrorCode.BAD_REQUEST;
            case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
            case "FORBIDDEN" -> ErrorCode.FORBIDDEN;
            case "UNAUTHORIZED" -> ErrorCode.UNAUTHENTICATED;
            default -> ErrorCode.INTERNAL;
        };
        ext.put("code", code.name());
        String message = code == ErrorCode.INTERNAL ? "Internal error" : e.getMessage();
        return GraphqlErrorBuilder.newError().message(message).locations(e.getLocations()).path(e.getPath())
                .errorType(type).extensions(ext).build();
    }
}
