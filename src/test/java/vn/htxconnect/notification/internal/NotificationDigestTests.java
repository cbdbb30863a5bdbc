package vn.htxconnect.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.notification.NotificationSupport;
import vn.htxconnect.notification.NotificationSupport.Registered;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestMail;

/** The daily digest: one mail a day in the user's language with what is unread and new, and only when asked for. */
@IntegrationTest
class NotificationDigestTests {

    private static final String SET = """
            mutation($on: Boolean!) { setNotificationDigest(input: {enabled: $on}) {
              digest { enabled nextDueAt lastSentAt } errors { code } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    NotificationDigests digests;
    @Autowired
    NotificationService notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUserWhoTurnedItOnGetsTheUnreadNewsOnceADayAndNothingElse() {
        Registered a = NotificationSupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi Bản Tin ");
        Registered b = NotificationSupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi Không Đăng Ký ");
        HttpGraphQlTester asA = a.as(anonymous);
        String emailA = email(asA);
        String emailB = email(b.as(anonymous));

        asA.document(SET).variable("on", true).execute()
                .path("setNotificationDigest.errors").entityList(Object.class).hasSize(0)
                .path("setNotificationDigest.digest.enabled").entity(Boolean.class).isEqualTo(true)
                .path("setNotificationDigest.digest.nextDueAt").entity(String.class).satisfies(at ->
                        assertThat(java.time.OffsetDateTime.parse(at).atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).getHour()).isEqualTo(7));

        long orgA = GlobalId.decode("organizationId", a.org()).id();
        long orgB = GlobalId.decode("organizationId", b.org()).id();
        // One notice A has already read (not in the digest), then two unread ones; B has news but no digest.
        quote(orgA, "Yêu cầu đã đọc");
        asA.document("mutation($o: ID!) { markNotificationsRead(input: {organizationId: $o}) { errors { code } } }")
                .variable("o", a.org()).execute().path("markNotificationsRead.errors").entityList(Object.class).hasSize(0);
        quote(orgA, "Rau muống sạch");
        quote(orgA, "Gạo ST25");
        quote(orgB, "Cà chua");

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
        assertThat(digests.runDue(tomorrow)).isGreaterThanOrEqualTo(1);
        MimeMessage mail = TestMail.await(emailA, 1, Duration.ofSeconds(20)).getFirst();
        String body = TestMail.body(mail);
        assertThat(subject(mail)).isEqualTo("HTX Connect: 2 thông báo chưa đọc");
        assertThat(body).contains("Rau muống sạch").contains("Gạo ST25").doesNotContain("Yêu cầu đã đọc")
                .contains("Có báo giá mới cho yêu cầu mua của bạn").contains("setNotificationDigest");

        // The same day again: nothing new is due, nothing is sent twice.
        assertThat(digests.runDue(tomorrow.plus(Duration.ofMinutes(5)))).isZero();
        // B never asked for it.
        assertThat(TestMail.to(emailB)).isEmpty();
        asA.document("{ notificationDigest { enabled lastSentAt } }").execute()
                .path("notificationDigest.lastSentAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());

        // Turned off: the next day's news is not mailed.
        asA.document(SET).variable("on", false).execute()
                .path("setNotificationDigest.digest.enabled").entity(Boolean.class).isEqualTo(false)
                .path("setNotificationDigest.digest.nextDueAt").valueIsNull();
        quote(orgA, "Thanh long ruột đỏ");
        digests.runDue(tomorrow.plus(Duration.ofDays(1)));
        // A digest mail is queued in the run's own transaction: once runDue returns, no row means no mail, ever.
        assertThat(queuedTo(emailA)).as("the first digest only").isEqualTo(1);
    }


    @Test
    void aDayWithNothingUnreadSendsNoMail() {
        Registered a = NotificationSupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi Yên Tĩnh ");
        HttpGraphQlTester asA = a.as(anonymous);
        String emailA = email(asA);
        asA.document(SET).variable("on", true).execute()
                .path("setNotificationDigest.digest.enabled").entity(Boolean.class).isEqualTo(true);
        digests.runDue(Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        asA.document("{ notificationDigest { enabled lastSentAt } }").execute()
                .path("notificationDigest.enabled").entity(Boolean.class).isEqualTo(true)
                .path("notificationDigest.lastSentAt").valueIsNull();
        assertThat(queuedTo(emailA)).isZero();
    }

    private int queuedTo(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_message WHERE recipient = ? AND purpose = 'notification-digest'",
                Integer.class, email);
    }

    private void quote(long org, String request) {
        tx.executeWithoutResult(s -> notifications.notify(org, NotificationKind.QUOTE_RECEIVED, null,
                Map.of("supplier", "HTX Rau Sạch", "price", "25.000", "unit", "kg", "request", request)));
    }

    private static String email(HttpGraphQlTester as) {
        return as.document("{ me { email } }").execute().path("me.email").entity(String.class).get();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
