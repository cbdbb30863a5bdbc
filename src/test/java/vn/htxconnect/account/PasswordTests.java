package vn.htxconnect.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.account.AccountFixtures.REGISTER;
import static vn.htxconnect.account.AccountFixtures.assertUnauthenticated;
import static vn.htxconnect.account.AccountFixtures.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;
import vn.htxconnect.testing.TestMail;

/**
 * Changing a password, resetting a forgotten one by mail (one-time, 30 minutes, stored hashed, the same answer
 * for unknown addresses, throttled per address) and signing out everywhere (tokens issued before are refused,
 * tokens issued right after, even in the same second, are not).
 */
@IntegrationTest
class PasswordTests {

    private static final String PASSWORD = "mat-khau-du-dai";
    private static final String CHANGE = """
            mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) {
              user { email } errors { field code message } } }""";
    private static final String REQUEST = """
            mutation($e: String!) { requestPasswordReset(input: {email: $e, clientMutationId: "r"}) {
              errors { field code } clientMutationId } }""";
    private static final String RESET = """
            mutation($t: String!, $n: String!) { resetPassword(input: {token: $t, newPassword: $n}) {
              token user { email } errors { field code message } } }""";
    private static final String SIGN_OUT = "mutation { signOutEverywhere(input: {}) { user { email } errors { code } } }";
    private static final Pattern RESET_TOKEN = Pattern.compile("pwr_[A-Za-z0-9_-]{43}");

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private String newAccount() {
        String email = TestData.unique("pw") + "@htx.vn";
        anonymous.document(REGISTER).variable("input", registration(email, TestData.unique("HTX P "))).execute()
                .path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        return email;
    }

    private String login(String email, String password) {
        return anonymous.document("mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }")
                .variable("e", email).variable("p", password).execute().path("login.token").entity(String.class).get();
    }

    private boolean loginWorks(String email, String password) {
        return anonymous.document("mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }")
                .variable("e", email).variable("p", password).execute().returnResponse().field("login.token").getValue() != null;
    }

    private void assertAccepted(String token, String email) {
        TestData.bearer(anonymous, token).document("{ me { email } }").execute().path("me.email").entity(String.class).isEqualTo(email);
    }

    private String tokenFrom(MimeMessage mail) {
        Matcher m = RESET_TOKEN.matcher(TestMail.body(mail));
        assertThat(m.find()).as("a reset token in the mail").isTrue();
        return m.group();
    }

    private int resetMailsTo(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_message WHERE recipient = ? AND purpose = 'password-reset'",
                Integer.class, email);
    }

    @Test
    void aChangedPasswordEndsEveryOtherSessionButTheCallersOwn() {
        String email = newAccount();
        String caller = login(email, PASSWORD);
        String other = login(email, PASSWORD);
        HttpGraphQlTester as = TestData.bearer(anonymous, caller);

        // A wrong current password, or a short new one: nothing changes.
        as.document(CHANGE).variable("c", "not-the-password").variable("n", "mat-khau-moi-dai").execute()
                .path("changePassword.errors[0].field").entityList(String.class).containsExactly("input", "currentPassword")
                .path("changePassword.errors[0].code").entity(String.class).isEqualTo("INVALID")
                .path("changePassword.user").valueIsNull();
        as.document(CHANGE).variable("c", PASSWORD).variable("n", "short").execute()
                .path("changePassword.errors[0].field").entityList(String.class).containsExactly("input", "newPassword");
        as.document(CHANGE).variable("c", "x".repeat(10_000)).variable("n", "mat-khau-moi-dai").execute()
                .path("changePassword.errors[0].field").entityList(String.class).containsExactly("input", "currentPassword");
        assertAccepted(other, email);
        assertThat(loginWorks(email, PASSWORD)).isTrue();

        as.document(CHANGE).variable("c", PASSWORD).variable("n", "mat-khau-moi-dai").execute()
                .path("changePassword.errors").entityList(Object.class).hasSize(0)
                .path("changePassword.user.email").entity(String.class).isEqualTo(email);
        assertUnauthenticated(port, "Bearer " + other);
        assertAccepted(caller, email);
        assertThat(loginWorks(email, PASSWORD)).isFalse();
        assertAccepted(login(email, "mat-khau-moi-dai"), email);
    }

    @Test
    void signingOutEverywhereRefusesEveryEarlierTokenAndAcceptsOneIssuedRightAfterInTheSameSecond() throws Exception {
        String email = newAccount();
        boolean sameSecondSeen = false;
        for (int attempt = 0; attempt < 8 && !sameSecondSeen; attempt++) {
            String elsewhere = login(email, PASSWORD);
            String before = login(email, PASSWORD);
            TestData.bearer(anonymous, before).document(SIGN_OUT).execute()
                    .path("signOutEverywhere.errors").entityList(Object.class).hasSize(0)
                    .path("signOutEverywhere.user.email").entity(String.class).isEqualTo(email);
            String after = login(email, PASSWORD);

            assertUnauthenticated(port, "Bearer " + before);
            assertUnauthenticated(port, "Bearer " + elsewhere);
            assertAccepted(after, email);

            long second = jdbc.queryForObject("SELECT tokens_valid_after_ms FROM app_user WHERE email = ?",
                    Long.class, email) / 1000;
            sameSecondSeen = iat(before) == second && iat(after) == second;
        }
        // JWT iat has whole seconds: the case that matters is a refused and an accepted token of the same second.
        assertThat(sameSecondSeen).as("a token before and one after the sign-out, in the same second").isTrue();
    }

    private static long iat(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"iat\":(\\d+)").matcher(payload);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aForgottenPasswordIsResetOnceWithTheMailedTokenAndEverySessionEnds() throws Exception {
        String email = newAccount();
        String session = login(email, PASSWORD);
        String unknown = TestData.unique("nobody") + "@htx.vn";

        // The same answer for an unknown address, and no mail for it.
        anonymous.document(REQUEST).variable("e", unknown).execute()
                .path("requestPasswordReset.errors").entityList(Object.class).hasSize(0)
                .path("requestPasswordReset.clientMutationId").entity(String.class).isEqualTo("r");
        anonymous.document(REQUEST).variable("e", "  " + email.toUpperCase() + " ").execute()
                .path("requestPasswordReset.errors").entityList(Object.class).hasSize(0)
                .path("requestPasswordReset.clientMutationId").entity(String.class).isEqualTo("r");
        anonymous.document(REQUEST).variable("e", email).execute()
                .path("requestPasswordReset.errors").entityList(Object.class).hasSize(0);
        List<MimeMessage> mails = TestMail.await(email, 2, Duration.ofSeconds(20));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_message WHERE recipient = ?", Integer.class, unknown)).isZero();
        assertThat(mails.getFirst().getSubject()).isEqualTo("Đặt lại mật khẩu HTX Connect");
        String first = tokenFrom(mails.get(0));
        String second = tokenFrom(mails.get(1));
        assertThat(TestMail.body(mails.get(1))).contains("/reset-password?token=" + second).contains("30 phút");

        // Stored only as the SHA-256 of the token.
        List<String> stored = jdbc.queryForList("SELECT r.token_hash FROM password_reset r JOIN app_user u ON u.id = r.user_id "
                + "WHERE u.email = ?", String.class, email);
        assertThat(stored).containsExactlyInAnyOrder(sha256(first), sha256(second)).doesNotContain(first, second);

        // A too-short new password spends nothing.
        anonymous.document(RESET).variable("t", second).variable("n", "short").execute()
                .path("resetPassword.errors[0].field").entityList(String.class).containsExactly("input", "newPassword");
        String fresh = anonymous.document(RESET).variable("t", second).variable("n", "mat-khau-sau-reset").execute()
                .path("resetPassword.errors").entityList(Object.class).hasSize(0)
                .path("resetPassword.user.email").entity(String.class).isEqualTo(email)
                .path("resetPassword.token").entity(String.class).get();
        assertAccepted(fresh, email);
        assertUnauthenticated(port, "Bearer " + session);
        assertThat(loginWorks(email, PASSWORD)).isFalse();
        assertThat(loginWorks(email, "mat-khau-sau-reset")).isTrue();

        // Used once; the other token of the user is spent with it.
        for (String used : List.of(second, first)) {
            anonymous.document(RESET).variable("t", used).variable("n", "mat-khau-lan-nua").execute()
                    .path("resetPassword.errors[0].field").entityList(String.class).containsExactly("input", "token")
                    .path("resetPassword.errors[0].code").entity(String.class).isEqualTo("INVALID")
                    .path("resetPassword.token").valueIsNull();
        }
        assertThat(loginWorks(email, "mat-khau-sau-reset")).isTrue();
    }

    @Test
    void anExpiredResetTokenIsRefused() throws Exception {
        String email = newAccount();
        anonymous.document(REQUEST).variable("e", email).execute().path("requestPasswordReset.errors").entityList(Object.class).hasSize(0);
        String token = tokenFrom(TestMail.await(email, 1, Duration.ofSeconds(20)).getFirst());
        jdbc.update("UPDATE password_reset SET expires_at = ? WHERE token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), sha256(token));
        anonymous.document(RESET).variable("t", token).variable("n", "mat-khau-qua-han").execute()
                .path("resetPassword.errors[0].field").entityList(String.class).containsExactly("input", "token");
        assertThat(loginWorks(email, PASSWORD)).isTrue();
    }

    @Test
    void resetMailsToOneAddressAreThrottledWithoutChangingTheAnswer() throws Exception {
        String email = newAccount();
        for (int i = 0; i < 6; i++) {
            anonymous.document(REQUEST).variable("e", email).execute()
                    .path("requestPasswordReset.errors").entityList(Object.class).hasSize(0);
        }
        TestMail.await(email, 3, Duration.ofSeconds(20));
        assertThat(resetMailsTo(email)).isEqualTo(3);
        Thread.sleep(500);
        assertThat(TestMail.to(email)).hasSize(3);
    }

    @Test
    void hostileResetInputsAreRefusedNamingTheField() {
        for (String bad : List.of("", "   ", "no-at-sign", "a@b", "x".repeat(300) + "@htx.vn", "a@htx.vn\r\nBcc: b@htx.vn")) {
            anonymous.document(REQUEST).variable("e", bad).execute()
                    .path("requestPasswordReset.errors[0].field").entityList(String.class).containsExactly("input", "email")
                    .path("requestPasswordReset.errors[0].code").entity(String.class).isEqualTo("INVALID");
        }
        for (String bad : List.of("", "pwr_guess", "x".repeat(5_000))) {
            anonymous.document(RESET).variable("t", bad).variable("n", "mat-khau-du-dai-moi").execute()
                    .path("resetPassword.errors[0].field").entityList(String.class).containsExactly("input", "token")
                    .path("resetPassword.token").valueIsNull();
        }
        anonymous.document(RESET).variable("t", "pwr_guess").variable("n", "y".repeat(201)).execute()
                .path("resetPassword.errors[0].field").entityList(String.class).containsExactly("input", "newPassword")
                .path("resetPassword.errors[0].code").entity(String.class).isEqualTo("TOO_LONG");
        // Signed-in only: anonymous callers are told to sign in.
        anonymous.document(SIGN_OUT).execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getExtensions().get("code")).containsExactly("UNAUTHENTICATED"));
        anonymous.document(CHANGE).variable("c", PASSWORD).variable("n", "mat-khau-moi-dai").execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsExactly("UNAUTHENTICATED"));
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
