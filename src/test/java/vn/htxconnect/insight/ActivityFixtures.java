package vn.htxconnect.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.testing.TestData;

/** Organizations registered through the API, then moved back in time with SQL (the API always stamps "now"). */
final class ActivityFixtures {

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final HttpGraphQlTester anonymous;
    private final JdbcTemplate jdbc;

    ActivityFixtures(HttpGraphQlTester anonymous, JdbcTemplate jdbc) {
        this.anonymous = anonymous;
        this.jdbc = jdbc;
    }

    /** An organization, its owner's token and user ID. */
    record Party(String id, long dbId, long ownerId, String name, HttpGraphQlTester as) {
    }

    Party register(String kind, String province) {
        String name = TestData.unique("HTX hoạt động ");
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", name, "province", province),
                        "owner", Map.of("email", TestData.unique("a") + "@htx.vn", "name", "Chủ nhiệm", "password", "mat-khau-du-dai")))
                .execute();
        String id = r.path("registerOrganization.organization.id").entity(String.class).get();
        long dbId = GlobalId.decode("id", id).id();
        long owner = jdbc.queryForObject("SELECT user_id FROM membership WHERE organization_id = ?", Long.class, dbId);
        return new Party(id, dbId, owner, name, TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    /** Registered (and its members joined) {@code months} months ago. */
    Party registeredMonthsAgo(String province, int months) {
        Party p = register("COOPERATIVE", province);
        Timestamp at = ago(months, 0);
        jdbc.update("UPDATE organization SET created_at = ? WHERE id = ?", at, p.dbId());
        jdbc.update("UPDATE membership SET created_at = ? WHERE organization_id = ?", at, p.dbId());
        return p;
    }

    void signedIn(Party p, Timestamp at) {
        jdbc.update("INSERT INTO user_sign_in (user_id, signed_in_at) VALUES (?, ?)", p.ownerId(), at);
    }

    /**
     * A product listed (and not changed since) at {@code at}: the product and the organization's product
     * history both moved back to then (the organization had no other product).
     */
    String productListed(Party p, Timestamp at) {
        String product = TestData.createProduct(anonymous, p.id(), TestData.unique("Gạo ST25 "), "RICE", Map.of());
        jdbc.update("UPDATE product SET created_at = ?, updated_at = ? WHERE id = ?", at, at, GlobalId.decode("id", product).id());
        jdbc.update("DELETE FROM product_activity_month WHERE organization_id = ?", p.dbId());
        productChanged(p, at);
        return product;
    }

    /** The product history of a change at {@code at}, as a write then would have left it. */
    void productChanged(Party p, Timestamp at) {
        jdbc.update("""
                INSERT INTO product_activity_month (organization_id, month, last_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE last_at = GREATEST(last_at, VALUES(last_at))""",
                p.dbId(), java.sql.Date.valueOf(at.toInstant().atZone(VIETNAM).toLocalDate().withDayOfMonth(1)), at);
    }

    static Timestamp ago(int months, int days) {
        return Timestamp.from(ZonedDateTime.now(VIETNAM).minusMonths(months).minusDays(days).toInstant());
    }

    static String month(Timestamp at) {
        return java.time.format.DateTimeFormatter.ofPattern("MM/yyyy").format(at.toInstant().atZone(VIETNAM));
    }

    static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
