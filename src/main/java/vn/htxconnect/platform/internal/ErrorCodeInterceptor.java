package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;

/**
 * Renders every error message in the caller's language and gives every error a code, including those graphql-java raises before any data fetcher runs
 * (syntax, validation, variable coercion): they are the client's mistakes, so BAD_REQUEST.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    /**
     * graphql-java's own messages that are translated, by classification: the pattern of its English
     * text and the key that says it again with the captured parts.
     */
    private record Known(String classification, Pattern english, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("ValidationError", Pattern.compile("Validation error \\((\\w+)@\\[(.*)\\]\\) : (.*)"),
                    "graphql.validation"),
            new Known("InvalidSyntax", Pattern.compile("Invalid syntax (.*)"), "graphql.syntax"));

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String language = Messages.languageOf(request.getHeaders().getFirst("Accept-Language"));
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(e -> rendered(withCode(e), language)).toList();
            return response.transform(b -> b.errors(coded));
        });
    }

    private static GraphQLError rendered(GraphQLError e, String language) {
        String message = Messages.render(textOf(e), language);
        if (message.equals(e.getMessage())) {
            return e;
        }
        return GraphqlErrorBuilder.newError().message(message).locations(e.getLocations()).path(e.getPath())
                .errorType(e.getErrorType()).extensions(e.getExtensions()).build();
    }

    /** The error's message: ours by key, graphql-java's known ones by key too, anything else as written. */
    static Message textOf(GraphQLError e) {
        if (e instanceof KeyedError keyed) {
            return keyed.text();
        }
        String type = e.getErrorType() == null ? "" : e.getErrorType().toString();
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Known k : KNOWN) {
            Matcher m = k.english().matcher(message);
            if (k.classification().equals(type) && m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = m.group(i + 1);
                }
                return Message.of(k.key(), parts);
            }
        }
        // Not ours and not one graphql-java says often: shown as it was written.
        return Message.of("error.asWritten", message);
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
        GraphQLError coded = GraphqlErrorBuilder.newError().message(code == ErrorCode.INTERNAL ? "Internal error" : e.getMessage()).locations(e.getLocations())
                .path(e.getPath()).errorType(type).extensions(ext).build();
        return code == ErrorCode.INTERNAL ? new KeyedError(coded,
                Message.of("error.internal")) : new KeyedError(coded, textOf(e));
    }
}
