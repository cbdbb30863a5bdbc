package vn.htxconnect.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The SSRF guard as a unit, with its own allow-list and a resolver that answers from a table (names that point at
 * public, private and loopback addresses, as a hostile DNS could), so nothing depends on the machine's DNS.
 */
class UrlGuardTests {

    private static final Map<String, String[]> DNS = Map.of(
            "partner.example", new String[] {"93.184.216.34"},
            "partner6.example", new String[] {"2606:2800:220:1:248:1893:25c8:1946"},
            "localhost", new String[] {"127.0.0.1", "::1"},
            "internal.example", new String[] {"10.1.2.3"},
            "mixed.example", new String[] {"93.184.216.34", "192.168.1.10"},
            "metadata.example", new String[] {"169.254.169.254"},
            "vpn.partner.example", new String[] {"10.20.1.5"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = InetAddress.getByName(addresses[i]);
        }
        return out;
    }

    private final UrlGuard strict = new UrlGuard(List.of(), UrlGuardTests::resolve);

    private String refusal(UrlGuard guard, String url) {
        try {
            guard.check(url);
            return null;
        } catch (UrlGuard.Refused r) {
            return r.text().key();
        }
    }

    @Test
    void publicHttpsUrlsPass() throws Exception {
        assertThat(strict.check("https://partner.example/hooks?x=1").uri().getHost()).isEqualTo("partner.example");
        assertThat(strict.check("https://partner6.example:8443/h").addresses()).hasSize(1);
        assertThat(strict.check("https://93.184.216.34/h").uri().getPort()).isEqualTo(-1);
    }

    @Test
    void httpsIsRequired() {
        assertThat(refusal(strict, "http://partner.example/hooks")).isEqualTo("webhook.url.https");
        assertThat(refusal(strict, "ftp://partner.example/hooks")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "file:///etc/passwd")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "gopher://127.0.0.1:6379/_")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "//partner.example/x")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "https://user:pw@partner.example/x")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "not a url")).isEqualTo("webhook.url.invalid");
        assertThat(refusal(strict, "")).isEqualTo("webhook.url.required");
        assertThat(refusal(strict, "https://partner.example/" + "a".repeat(2000))).isEqualTo("webhook.url.tooLong");
        assertThat(refusal(strict, "https://nowhere.example/x")).isEqualTo("webhook.url.unresolved");
    }

    @Test
    void loopbackPrivateLinkLocalAndOtherInternalAddressesAreRefused() {
        for (String url : List.of(
                "https://127.0.0.1/h", "https://127.1.2.3/h", "https://localhost/h", "https://[::1]/h",
                "https://10.0.0.1/h", "https://172.16.5.4/h", "https://172.31.255.255/h", "https://192.168.0.1/h",
                "https://169.254.169.254/latest/meta-data/", "https://metadata.example/", "https://100.64.0.1/h",
                "https://100.127.255.254/h", "https://0.0.0.0/h", "https://[::]/h", "https://224.0.0.1/h",
                "https://255.255.255.255/h", "https://[fc00::1]/h", "https://[fd12:3456::1]/h", "https://[fe80::1]/h",
                "https://[::ffff:127.0.0.1]/h", "https://[::ffff:a9fe:a9fe]/h", "https://[64:ff9b::a00:1]/h",
                "https://[2002:c0a8:0101::1]/h", "https://internal.example/h", "https://mixed.example/h",
                "https://198.18.0.1/h")) {
            assertThat(refusal(strict, url)).as(url).isEqualTo("webhook.url.private");
        }
        // Neighbours of the ranges are public.
        for (String url : List.of("https://172.32.0.1/h", "https://100.128.0.1/h", "https://11.0.0.1/h", "https://169.255.0.1/h")) {
            assertThat(refusal(strict, url)).as(url).isNull();
        }
    }

    @Test
    void theAllowListLiftsTheGuardForTheHostsAndRangesItNames() {
        UrlGuard allowing = new UrlGuard(List.of("127.0.0.1", "10.20.0.0/16", "localhost"), UrlGuardTests::resolve);
        assertThat(refusal(allowing, "http://127.0.0.1:8080/h")).isNull();
        assertThat(refusal(allowing, "https://vpn.partner.example/h")).isNull();
        assertThat(refusal(allowing, "http://vpn.partner.example/h")).isNull();
        assertThat(refusal(allowing, "http://localhost:9000/h")).isNull();
        // Only what it names: other private addresses and plain http to public hosts stay refused.
        assertThat(refusal(allowing, "https://127.0.0.2/h")).isEqualTo("webhook.url.private");
        assertThat(refusal(allowing, "https://internal.example/h")).isEqualTo("webhook.url.private");
        assertThat(refusal(allowing, "https://169.254.169.254/h")).isEqualTo("webhook.url.private");
        assertThat(refusal(allowing, "http://partner.example/h")).isEqualTo("webhook.url.https");
    }

    @Test
    void aBadAllowListEntryStopsTheStart() {
        assertThatThrownBy(() -> new UrlGuard(List.of("10.0.0.0/99"), UrlGuardTests::resolve))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UrlGuard(List.of("host.example/8"), UrlGuardTests::resolve))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signaturesFollowStandardWebhooks() throws Exception {
        // The Standard Webhooks specification's example: this secret, id, timestamp and body give this signature.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(Signatures.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(Signatures.newSecret()).startsWith("whsec_").hasSizeGreaterThan(6 + 40);
        assertThat(Signatures.newId("msg_")).matches("msg_[0-9a-f]{32}");
    }
}
