package vn.htxconnect.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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
}
