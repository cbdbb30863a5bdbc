package vn.htxconnect.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The start-up rule for the signing key: a shared secret outside the demo profile, a random key only when asked. */
class TokenServiceUnitTests {

    private static SecurityProperties properties(String secret, boolean generatedAllowed) {
        return new SecurityProperties(secret, Duration.ofHours(8), "", "", 5, 100, Duration.ofMinutes(15),
                Duration.ZERO, generatedAllowed);
    }

    @Test
    void refusesToStartWithoutASecretOutsideTheDemoProfile() {
        assertThatThrownBy(() -> new TokenService(properties("", false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTX_JWT_SECRET")
                .hasMessageContaining("demo");
    }

    @Test
    void theDemoProfileStartsWithARandomKeyThatNoOtherInstanceShares() {
        TokenService one = new TokenService(properties("", true));
        TokenService two = new TokenService(properties("", true));
        String token = one.issue(7, "Lan").token();
        assertThat(one.decoder().decode(token).getSubject()).isEqualTo("7");
        assertThatThrownBy(() -> two.decoder().decode(token)).as("another process's random key").isNotNull();
    }

    @Test
    void instancesWithTheSameSecretAcceptEachOthersTokens() {
        String secret = Base64.getEncoder().encodeToString("a-shared-key-of-at-least-32-bytes!!".getBytes());
        TokenService one = new TokenService(properties(secret, false));
        TokenService two = new TokenService(properties(secret, false));
        assertThat(two.decoder().decode(one.issue(9, "Minh").token()).getSubject()).isEqualTo("9");
    }

    @Test
    void refusesAKeyShorterThan32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString("too-short".getBytes());
        assertThatThrownBy(() -> new TokenService(properties(shortKey, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
