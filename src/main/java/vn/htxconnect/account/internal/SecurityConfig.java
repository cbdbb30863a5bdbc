package vn.htxconnect.account.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;

/**
 * Bearer tokens: a JWT from {@code login} (validated by Spring Security's resource server) or a
 * partner API key ({@code htx_…}). Both become an {@code Actor}; requests without a token are
 * anonymous. Each GraphQL field decides what an actor may do, so every URL but actuator's (see
 * {@link #actuator}) is open here, including
 * the GraphQL WebSocket path, whose connections authenticate in {@code connection_init}
 * ({@link #webSocketAuthentication}) since browsers cannot send headers with a WebSocket. A bad,
 * expired or revoked token is answered 401 with a GraphQL-shaped UNAUTHENTICATED error, never a 500.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Actuator. Health and its probes (liveness, readiness) answer anyone, load balancers included, with UP or
     * DOWN only (details need the ADMIN role: {@code management.endpoint.health.roles}); info too. Metrics,
     * Prometheus and the rest need a platform admin's JWT (a 401 without a token, 403 for other callers; API keys
     * carry no platform role, so even an admin's key is refused). On a separate management port
     * ({@code HTX_MANAGEMENT_PORT}, bound to 127.0.0.1 unless told otherwise) everything answers without a token:
     * that port is reachable only from where Prometheus scrapes, and the public port no longer serves actuator.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain actuator(HttpSecurity http, BearerAuthentication bearer, Environment environment) throws Exception {
        boolean privatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        AuthenticationManager manager = bearer.manager();
        AuthenticationManagerResolver<HttpServletRequest> resolver = request -> manager;
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated))
                .authorizeHttpRequests(auth -> {
                    if (privatePort) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                                .anyRequest().hasRole(Actor.PlatformRole.ADMIN.name());
                    }
                })
                .build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerAuthentication bearer) throws Exception {
        AuthenticationManager manager = bearer.manager();
        AuthenticationManagerResolver<HttpServletRequest> resolver = request -> manager;
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    /** 401 with a GraphQL-shaped UNAUTHENTICATED error in the caller's language. */
    private static AuthenticationEntryPoint unauthenticated() {
        return (request, response, ex) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String message = Messages.render(textOf(ex), Messages.languageOf(request.getHeader("Accept-Language")));
            String safe = message.replaceAll("[\\p{Cntrl}\"\\\\]", " ");
            response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + safe
                    + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}").getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Authenticates GraphQL WebSocket connections from the {@code connection_init} payload
     * ({@code {"Authorization": "Bearer <JWT or API key>"}}) with the same checks as HTTP requests; the
     * actor then holds for every operation of the connection. A connection without a token is
     * anonymous; one with a bad token is closed (4401). First in the interceptor chain, so the
     * interceptors after it see the connection's actor.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebSocketGraphQlInterceptor webSocketAuthentication(BearerAuthentication bearer) {
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), bearer.manager());
    }

    /**
     * Our own refusals carry their message; Spring's JWT decoder writes English sentences of its own,
     * of which the expired token (the usual case) and any other undecodable one are told apart.
     */
    static Message textOf(Exception ex) {
        if (ex instanceof TokenRefusedException refused) {
            return refused.text();
        }
        if (!(ex instanceof InvalidBearerTokenException) || ex.getMessage() == null) {
            return Message.of("account.authRequired");
        }
        String message = ex.getMessage();
        if (message.startsWith(JWT_DECODE_FAILED + ": Jwt expired")) {
            return Message.of("account.token.expired");
        }
        if (message.startsWith(JWT_DECODE_FAILED)) {
            return Message.of("account.token.invalid");
        }
        if (message.equals("Invalid or expired token")) {
            return Message.of("account.token.invalidOrExpired");
        }
        // Another of Spring's own sentences: shown as it was written.
        return Message.of("error.asWritten", message);
    }

    private static final String JWT_DECODE_FAILED = "An error occurred while attempting to decode the Jwt";
}
