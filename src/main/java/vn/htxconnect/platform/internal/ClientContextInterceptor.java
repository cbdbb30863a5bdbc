package vn.htxconnect.platform.internal;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Messages;

/**
 * Puts the caller into the GraphQL context while the request's security context is certainly at
 * hand: its address (sign-in throttling), budget key (limits) and actor (audit).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientContextInterceptor implements WebGraphQlInterceptor {

    static final String CLIENT_ADDRESS = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        Actor actor = Access.current();
        String caller = actor.signedIn() ? actor.principalKey() : "address:" + address;
        String language = Messages.languageOf(request.getHeaders().getFirst("Accept-Language"));
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Messages.LANGUAGE, language);
            input.getGraphQLContext().put(CLIENT_ADDRESS, address);
            input.getGraphQLContext().put(LimitsInstrumentation.CALLER, caller);
            input.getGraphQLContext().put(AuditInstrumentation.ACTOR, actor);
            return input;
        });
        return chain.next(request);
    }
}
