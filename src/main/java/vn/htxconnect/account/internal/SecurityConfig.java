package vn.htxconnect.account.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import vn.htxconnect.platform.Messages;

/**
 * Bearer tokens: a JWT from {@code login} (validated by Spring Security's resource server) or a
 * partner API key ({@code htx_…}). Both become an {@code Actor}; requests without a token are
 * anonymous. Each GraphQL field decides what an actor may do, so every URL is open here. A bad,
 * expired or revoked token is answered 401 with a GraphQL-shaped UNAUTHENTICATED error, never a 500.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, ActorLoader actors, ApiKeyAuthenticator keys)
            throws Exception {
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(tokens.decoder());
        jwtProvider.setJwtAuthenticationConverter(jwt -> {
            long userId;
            try {
                userId = Long.parseLong(jwt.getSubject());
            } catch (NumberFormatException e) {
                throw new InvalidBearerTokenException("Invalid token subject");
            }
            return new ActorAuthentication(actors.forUser(userId)
                    .orElseThrow(() -> new InvalidBearerTokenException("The token's user no longer exists")));
        });
        AuthenticationManager jwtManager = new ProviderManager(jwtProvider);
        AuthenticationManager keyManager = authentication ->
                new ActorAuthentication(keys.authenticate(((BearerTokenAuthenticationToken) authentication).getToken()));
        AuthenticationManagerResolver<HttpServletRequest> resolver = request -> {
            String header = request.getHeader("Authorization");
            boolean apiKey = header != null && header.regionMatches(true, 0, "Bearer " + ApiKeyAuthenticator.PREFIX, 0, 11);
            return apiKey ? keyManager : jwtManager;
        };
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String message = Messages.translate(ex instanceof InvalidBearerTokenException ? ex.getMessage()
                    : "Authentication required", Messages.languageOf(request.getHeader("Accept-Language")));
            String safe = message.replaceAll("[\\p{Cntrl}\"\\\\]", " ");
            response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + safe
                    + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}").getBytes(StandardCharsets.UTF_8));
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
