package vn.htxconnect.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;

/**
 * The subscription counterpart of {@link GraphQlErrorResolver}: a subscription refused when it
 * starts (FORBIDDEN, UNAUTHENTICATED…) or failing later ends with an {@code error} message whose
 * errors carry {@code extensions.code}, instead of an anonymous "Subscription error". Messages are
 * English: the WebSocket error path has no request language at hand.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof ApiException api) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", api.code().name());
            if (api.field() != null) {
                ext.put("field", api.field());
            }
            return GraphqlErrorBuilder.newError().message(api.getMessage())
                    .errorType(GraphQlErrorResolver.typeOf(api.code())).extensions(ext).build();
        }
        String ref = UUID.randomUUID().toString();
        log.error("Unexpected error in a subscription (ref {})", ref, ex);
        return GraphqlErrorBuilder.newError().message(Message.of("error.internal.ref", ref).toString())
                .errorType(GraphQlErrorResolver.typeOf(ErrorCode.INTERNAL))
                .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "ref", ref)).build();
    }
}
