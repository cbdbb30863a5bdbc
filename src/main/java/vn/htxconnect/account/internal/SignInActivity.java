package vn.htxconnect.account.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.ActivityKind;
import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.organization.ActivitySql;

/**
 * The sign-in history and the SIGNED_IN activity it gives: an organization was active when one of its
 * members signed in, counted from when they became a member.
 */
@Component
class SignInActivity implements ActivitySource {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SignInActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Records a successful sign-in, in the sign-in's transaction. */
    void record(long userId, Instant at) {
        jdbc.update("INSERT INTO user_sign_in (user_id, signed_in_at) VALUES (?, ?)", userId, Timestamp.from(at));
    }

    @Override
    public ActivityKind kind() {
        return ActivityKind.SIGNED_IN;
    }


    @Override
    public List<Map<Long, Instant>> lastActivity(Collection<Long> organizationIds, List<Instant> befores) {
        return ActivitySql.latest(named, """
                SELECT m.organization_id, {latest} FROM membership m
                JOIN user_sign_in s ON s.user_id = m.user_id AND s.signed_in_at >= m.created_at AND s.signed_in_at <= :last
                WHERE m.organization_id IN (:ids) GROUP BY m.organization_id""",
                "CASE WHEN s.signed_in_at <= :before THEN s.signed_in_at END", organizationIds, befores);
    }

    @Override
    public Map<Long, Instant> latestOfEveryOrganization(Instant now) {
        // Each user's latest sign-in by a loose scan of (user_id, signed_in_at), then the memberships: it counts
        // for the organizations the user had joined by then (an earlier sign-in would predate them too).
        // Two plain statements joined here, so no optimizer can turn them into one lookup per membership.
        Map<Long, Instant> lastSignIn = ActivitySql.latestOfAll(named, """
                SELECT user_id, MAX(signed_in_at) FROM user_sign_in WHERE signed_in_at <= :now GROUP BY user_id""", now);
        Map<Long, Instant> out = new HashMap<>();
        jdbc.query("SELECT user_id, organization_id, created_at FROM membership", (ResultSet rs) -> {
            Instant at = lastSignIn.get(rs.getLong(1));
            if (at != null && !at.isBefore(rs.getTimestamp(3).toInstant())) {
                out.merge(rs.getLong(2), at, (x, y) -> x.isAfter(y) ? x : y);
            }
        });
        return out;
    }
}
