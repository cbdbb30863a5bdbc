package vn.htxconnect.account.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.account.UserDirectory;

/** {@link UserDirectory} in two plain statements, whatever the number of users asked about. */
@Component
class UserDirectoryQueries implements UserDirectory {

    private final NamedParameterJdbcTemplate named;

    UserDirectoryQueries(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Map<Long, Recipient> recipients(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", userIds);
        Map<Long, Set<Long>> orgs = new HashMap<>();
        named.query("SELECT user_id, organization_id FROM membership WHERE user_id IN (:ids) ORDER BY organization_id",
                ids, rs -> {
                    orgs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2));
                });
        Map<Long, Recipient> result = new LinkedHashMap<>();
        named.query("SELECT id, email, name, preferred_language FROM app_user WHERE id IN (:ids) ORDER BY id", ids, rs -> {
            long id = rs.getLong(1);
            result.put(id, new Recipient(id, rs.getString(2), rs.getString(3), rs.getString(4),
                    Set.copyOf(orgs.getOrDefault(id, Set.of()))));
        });
        return result;
    }
}
