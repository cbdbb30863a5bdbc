package vn.htxconnect.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestMail;

/** Mails go out through a real SMTP server after the commit that queued them, and never for a rollback. */
@IntegrationTest
class MailTests {

    @Autowired
    MailService mail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    private static String address() {
        return "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    }

    @Test
    void aCommittedMailReachesTheServerInUtf8AndItsBodyIsForgottenOnceSent() throws Exception {
        String to = address();
        tx.executeWithoutResult(s -> mail.send(new OutgoingMail(to, "Đặt lại mật khẩu HTX Connect",
                "Xin chào,\nliên kết đặt lại mật khẩu của bạn: https://htx.example/reset?t=abc"), "test"));

        MimeMessage got = TestMail.await(to, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(got.getSubject()).isEqualTo("Đặt lại mật khẩu HTX Connect");
        assertThat(TestMail.body(got)).contains("liên kết đặt lại mật khẩu").contains("reset?t=abc");
        assertThat(got.getFrom()[0].toString()).contains("no-reply@htxconnect.local");

        Map<String, Object> row = awaitSent(to);
        assertThat(row.get("body")).as("a sent mail's body is not kept").isNull();
        assertThat(row.get("sent_via")).isEqualTo("smtp");
        assertThat(row.get("purpose")).isEqualTo("test");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String lost = address();
        String kept = address();
        tx.executeWithoutResult(s -> {
            mail.send(new OutgoingMail(lost, "Không gửi", "rolled back"), "test");
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> mail.send(new OutgoingMail(kept, "Gửi", "committed"), "test"));

        TestMail.await(kept, 1, Duration.ofSeconds(20));
        assertThat(TestMail.to(lost)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_message WHERE recipient = ?", Integer.class, lost)).isZero();
    }

    @Test
    void aMailGoesToExactlyOneAddressAndItsSubjectIsOneLine() {
        assertThatThrownBy(() -> new OutgoingMail("a@example.vn, b@example.vn", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.vn\r\nBcc: c@example.vn", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.vn", "x\r\nBcc: c@example.vn", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> mail.send(new OutgoingMail(address(), "x", "y"), "test"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    private Map<String, Object> awaitSent(String to) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT body, sent_via, purpose FROM mail_message WHERE recipient = ? AND sent_at IS NOT NULL", to);
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the mail to " + to + " was not marked sent");
    }
}
