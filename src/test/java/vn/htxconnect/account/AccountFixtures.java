package vn.htxconnect.account;

import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/** What the account tests share: signing up a cooperative with its owner, and checking a refused credential. */
final class AccountFixtures {

    static final String REGISTER = """
            mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) {
              organization { id verificationStatus } user { email memberships { role organization { name } } }
              token errors { field code } } }""";

    private AccountFixtures() {
    }

    static Map<String, Object> registration(String email, String orgName) {
        return Map.of("organization", Map.of("kind", "COOPERATIVE", "name", orgName, "province", "Đắk Lắk"),
                "owner", Map.of("email", email, "name", "Nguyễn Văn A", "password", "mat-khau-du-dai"));
    }

    /** Sent as a plain HTTP request: the answer must be 401 with UNAUTHENTICATED, never a server error. */
    static void assertUnauthenticated(int port, String authorization) {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/graphql").header("Authorization", authorization)
                .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { email } }\"}")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }
}
