package vn.htxconnect.platform.internal;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the caller's address into the GraphQL context (sign-in throttling and budgets key on it). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientContextInterceptor implements WebGraphQlInterceptor {

    static final String CLIENT_ADDRESS = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(CLIENT_ADDRESS, address);
            return input;
        });
        return chain.next(request);
    }
}
