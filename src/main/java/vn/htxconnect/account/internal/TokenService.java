package vn.htxconnect.account.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Issues and verifies HS256 sign-in tokens with the configured key. */
@Component
class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    static final String ISSUER = "htx-connect";
    static final String LINK_ISSUER = "htx-connect/link";
    /**
     * The issue time in milliseconds: {@code iat} has whole seconds only, too coarse to tell a token issued just
     * before a sign-out everywhere from one issued just after it (a reset signs the user in again at once).
     */
    static final String ISSUED_AT_MILLIS = "iat_ms";

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;
    private final SecurityProperties properties;

    TokenService(SecurityProperties properties) {
        this.properties = properties;
        byte[] bytes;
        if (properties.jwtSecret().isBlank()) {
            // A random key is a trap outside a demo: every restart signs everybody out, and behind a load
            // balancer each instance refuses the others' tokens. So it must be asked for (the demo profile).
            if (!properties.generatedJwtSecretAllowed()) {
                throw new IllegalStateException("HTX_JWT_SECRET (htx.security.jwt-secret) is not set: give every "
                        + "instance the same base64 key of at least 32 bytes, e.g. from `openssl rand -base64 48`. "
                        + "Only the demo profile (SPRING_PROFILES_ACTIVE=demo) starts without one, with a random key.");
            }
            log.warn("htx.security.jwt-secret is not set: using a random key (demo profile); tokens end with this "
                    + "process and are not accepted by other instances. Set HTX_JWT_SECRET in production.");
            bytes = Secrets.random(48).getBytes(StandardCharsets.US_ASCII);
        } else {
            bytes = Base64.getDecoder().decode(properties.jwtSecret());
            if (bytes.length < 32) {
                throw new IllegalStateException("htx.security.jwt-secret must be at least 32 bytes (base64)");
            }
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(long userId, String name) {
        Instant now = Instant.now();
        Instant exp = now.plus(properties.jwtTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(Long.toString(userId)).issuedAt(now)
                .expiresAt(exp).claim("name", name).claim(ISSUED_AT_MILLIS, now.toEpochMilli()).id(Secrets.random(16)).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, exp);
    }

    /** When a sign-in token was issued, to the millisecond when it says so (tokens from before iat_ms: the second). */
    static Instant issuedAt(org.springframework.security.oauth2.jwt.Jwt jwt) {
        Object millis = jwt.getClaims().get(ISSUED_AT_MILLIS);
        if (millis instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        return jwt.getIssuedAt();
    }

    /**
     * A short-lived token for a link (e.g. an image URL a browser loads without headers). Its own issuer
     * keeps it from ever being accepted as a sign-in token, and its audience from serving another purpose.
     */
    String issueLink(String purpose, Map<String, Object> values, Duration ttl) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(LINK_ISSUER).audience(List.of(purpose))
                .issuedAt(now).expiresAt(now.plus(ttl));
        values.forEach(claims::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    /** The values of a valid, unexpired link token issued for {@code purpose}. */
    Optional<Map<String, Object>> verifyLink(String purpose, String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(LINK_ISSUER),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(purpose))));
        try {
            return Optional.of(decoder.decode(token).getClaims());
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }
}
