package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * DateTime arguments arrive as the offset date-time the client wrote (supply events keep it); arguments
 * the code declares as instants still bind, inside inputs and as plain filter fields.
 */
@IntegrationTest
class DateTimeArgumentTests {

    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void instantTypedArgumentsStillBindFromAnOffsetDateTime() {
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        OffsetDateTime in30Days = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        String expires = admin.document("""
                        mutation($e: DateTime) { createApiKey(input: {name: "Hạn dùng", scopes: ["catalog:read"], expiresAt: $e}) {
                          apiKey { expiresAt } errors { message } } }""")
                .variable("e", in30Days.toString()).execute()
                .path("createApiKey.errors").entityList(Object.class).hasSize(0)
                .path("createApiKey.apiKey.expiresAt").entity(String.class).get();
        assertThat(OffsetDateTime.parse(expires).toInstant()).isEqualTo(in30Days.toInstant());

        admin.document("query($f: DateTime) { auditLog(filter: {from: $f}, first: 1) { totalCount } }")
                .variable("f", Instant.now().minusSeconds(3600).atOffset(ZoneOffset.ofHours(7)).toString()).execute()
                .path("auditLog.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        admin.document("{ auditLog(filter: {to: \"2001-01-01T00:00:00+07:00\"}, first: 1) { totalCount } }").execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(0);
    }
}
