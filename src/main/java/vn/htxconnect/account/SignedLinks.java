package vn.htxconnect.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Short-lived signed tokens for URLs a browser opens without an Authorization header (an SVG in an
 * {@code <img>}): they carry what the page may show, signed with the platform key shared by all
 * instances, and are never accepted as sign-in tokens.
 */
public interface SignedLinks {

    /** A token for {@code purpose} carrying {@code values} (strings, numbers, lists), valid for {@code ttl}. */
    String sign(String purpose, Map<String, Object> values, Duration ttl);

    /** The values of a genuine, unexpired token for {@code purpose}; empty otherwise. */
    Optional<Map<String, Object>> verify(String purpose, String token);
}
