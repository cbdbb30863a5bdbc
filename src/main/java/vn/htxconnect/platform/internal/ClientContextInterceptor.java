package vn.htxconnect.platform.internal;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Messages;

/**
 * Puts the caller into the GraphQL context while the request's security context is certainly at
 * hand: its address (sign-in throttling), budget key (limits) and actor (audit). Over WebSocket the
 * actor comes from {@code connection_init}, which the authentication interceptor before this one
 * puts into the Reactor context (the thread only has the anonymous handshake's).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientContextInterceptor implements WebGraphQlInterceptor {

    static final String CLIENT_ADDRESS = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(reactorContext -> {
            Actor actor = reactorContext.<Object>getOrEmpty(SecurityContext.class.getName())
                    .filter(SecurityContext.class::isInstance)
                    .map(c -> Access.of(((SecurityContext) c).getAuthentication()))
                    .filter(Actor::signedIn)
                    .orElseGet(Access::current);
            return intercept(request, chain, actor);
        });
    }

    private Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain, Actor actor) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
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
