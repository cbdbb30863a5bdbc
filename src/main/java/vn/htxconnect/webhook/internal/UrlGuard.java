package vn.htxconnect.webhook.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.htxconnect.platform.Message;

/**
 * Keeps webhooks from reaching inside the network (server-side request forgery): a URL must be https and every
 * address its host resolves to must be public, i.e. not loopback, private (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16, where cloud metadata lives), CGNAT (100.64/10), multicast, unspecified, reserved, IPv6 unique-local
 * (fc00::/7) or any of these wrapped in an IPv6 form (IPv4-mapped, -compatible, NAT64, 6to4). Hosts or ranges in
 * {@code htx.webhook.allowed-hosts} are exempt and may use http. Checked when an endpoint is saved and again right
 * before every send (a name may resolve elsewhere by then).
 */
final class UrlGuard {

    /** Resolves a host name (a seam for tests). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed, with the addresses its host has now. */
    record Checked(URI uri, List<InetAddress> addresses) {
    }

    /** Why a URL was refused: a message for the caller. */
    static final class Refused extends Exception {
        private final transient Message text;

        Refused(Message text) {
            super(text.key(), null, false, false);
            this.text = text;
        }

        Message text() {
            return text;
        }
    }

    static final int MAX_LENGTH = 2000;

    private final List<String> allowedNames = new ArrayList<>();
    private final List<byte[][]> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    UrlGuard(List<String> allowedHosts, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allowedHosts) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            byte[][] range = parseRange(e);
            if (range != null) {
                allowedRanges.add(range);
            } else {
                allowedNames.add(e);
            }
        }
    }

    /** Checks syntax, scheme and addresses; throws {@link Refused} with the reason. */
    Checked check(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused(Message.of("webhook.url.required"));
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused(Message.of("webhook.url.tooLong", MAX_LENGTH));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused(Message.of("webhook.url.invalid"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused(Message.of("webhook.url.invalid"));
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean nameAllowed = allowedNames.contains(host);
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused(Message.of("webhook.url.unresolved", host));
        }
        if (resolved == null || resolved.length == 0) {
            throw new Refused(Message.of("webhook.url.unresolved", host));
        }
        boolean allAllowed = nameAllowed || Arrays.stream(resolved).allMatch(this::inAllowedRange);
        if (!scheme.equals("https") && !allAllowed) {
            throw new Refused(Message.of("webhook.url.https"));
        }
        for (InetAddress a : resolved) {
            if (!nameAllowed && !inAllowedRange(a) && !isPublic(a)) {
                throw new Refused(Message.of("webhook.url.private", host));
            }
        }
        return new Checked(uri, List.of(resolved));
    }

    private boolean inAllowedRange(InetAddress a) {
        byte[] bytes = a.getAddress();
        for (byte[][] range : allowedRanges) {
            if (matches(bytes, range[0], range[1][0] & 0xff)) {
                return true;
            }
        }
        byte[] v4 = embeddedIpv4(a);
        if (v4 != null) {
            for (byte[][] range : allowedRanges) {
                if (matches(v4, range[0], range[1][0] & 0xff)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the address is on the public internet. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            byte[] v4 = embeddedIpv4(a);
            if (v4 != null) {
                return isPublicV4(v4);
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site local (deprecated)
            }
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return first != 0; // ::/8 holds :: and ::1 and other reserved forms
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        return !(o0 == 0 || o0 == 10 || o0 == 127 || o0 >= 224
                || (o0 == 100 && (o1 & 0xc0) == 64)          // 100.64/10 CGNAT
                || (o0 == 169 && o1 == 254)                  // link local, cloud metadata
                || (o0 == 172 && (o1 & 0xf0) == 16)          // 172.16/12
                || (o0 == 192 && o1 == 168)                  // 192.168/16
                || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                || (o0 == 198 && (o1 & 0xfe) == 18));        // 198.18/15 benchmarking
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    static byte[] embeddedIpv4(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 16) {
            return null;
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            boolean allZero = b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
            return allZero && b[10] == 0 ? null : Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            boolean zeros = true;
            for (int i = 4; i < 12; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros) {
                return Arrays.copyOfRange(b, 12, 16);
            }
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    /** An address or CIDR literal as {address bytes, {prefix length}}; null when the entry is a host name. */
    private static byte[][] parseRange(String entry) {
        String address = entry;
        Integer prefix = null;
        int slash = entry.indexOf('/');
        if (slash > 0) {
            address = entry.substring(0, slash);
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("htx.webhook.allowed-hosts: bad range " + entry);
            }
        }
        if (!(address.matches("[0-9.]+") && address.chars().filter(c -> c == '.').count() == 3) && !address.contains(":")) {
            if (prefix != null) {
                throw new IllegalArgumentException("htx.webhook.allowed-hosts: bad range " + entry);
            }
            return null;
        }
        try {
            // A literal: InetAddress does not look it up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = prefix == null ? bytes.length * 8 : prefix;
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("htx.webhook.allowed-hosts: bad prefix " + entry);
            }
            return new byte[][] {bytes, {(byte) bits}};
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("htx.webhook.allowed-hosts: bad address " + entry);
        }
    }

    private static boolean matches(byte[] address, byte[] network, int bits) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
