package vn.htxconnect.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, shared by every test context (TestServices
 * points {@code spring.mail.*} at it). Tests read back what the app sent to an address: addresses in tests are
 * unique per test, so no test sees another's mail.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail s = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            s.start();
            server = s;
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The mails sent to this address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits until at least {@code count} mails reached this address (sent after a commit, from the outbox). */
    public static List<MimeMessage> await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> got = to(address);
        while (got.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            got = to(address);
        }
        if (got.size() < count) {
            throw new AssertionError(count + " mail(s) to " + address + " expected within " + timeout + ", got " + got.size());
        }
        return got;
    }

    /** A mail's plain-text body, decoded. */
    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).strip();
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError("unreadable mail body", e);
        }
    }
}
