package vn.htxconnect.account.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param jwtSecret base64 HMAC key of at least 32 bytes; every instance must share it. Empty: the app refuses
 *                  to start, unless {@code generatedJwtSecretAllowed}
 * @param generatedJwtSecretAllowed true in the demo profile only: an empty jwtSecret then means a random key
 *                                  generated at start (tokens die with the process)
 * @param jwtTtl how long a sign-in token lasts
 * @param adminEmail e-mail of an admin to create at start when no admin exists (with adminPassword)
 * @param maxFailuresPerAddress failed sign-ins from one address per window; generous, because many
 *                              mobile users share one address behind carrier-grade NAT
 * @param credentialCacheTtl how long a checked bearer token is taken as checked (see {@code CredentialCache}); 0: never
 */
@ConfigurationProperties("htx.security")
record SecurityProperties(@DefaultValue("") String jwtSecret, @DefaultValue("8h") Duration jwtTtl,
                          @DefaultValue("") String adminEmail, @DefaultValue("") String adminPassword,
                          @DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("100") int maxFailuresPerAddress,
                          @DefaultValue("15m") Duration failureWindow,
                          @DefaultValue("5s") Duration credentialCacheTtl,
                          @DefaultValue("false") boolean generatedJwtSecretAllowed) {
}
