package vn.htxconnect.inquiry;

import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.TestData;

/** Signs up organizations with an owner and runs inquiry mutations as them. */
final class InquirySupport {

    private InquirySupport() {
    }

    /** An organization and its signed-in owner. */
    record Party(String organizationId, HttpGraphQlTester as) {
    }

    static Party register(HttpGraphQlTester anonymous, String kind, String namePrefix) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique(namePrefix), "province", "Đắk Lắk"),
                        "owner", Map.of("email", TestData.unique("u") + "@htx.vn", "name", "Người dùng", "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    static final String START = """
            mutation($i: StartInquiryInput!) { startInquiry(input: $i) {
              conversation { id subject subjectId viewerRole unreadCount messageCount product { name } }
              errors { field code message } } }""";

    static HttpGraphQlTester.Response start(Party buyer, String supplierId, Map<String, Object> extra) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("supplierId", supplierId, "subject", "Hỏi giá cà phê",
                "message", "Cho hỏi giá 10 tấn cà phê Robusta?"));
        input.putAll(extra);
        return buyer.as().document(START).variable("i", input).execute();
    }

    static HttpGraphQlTester.Response send(HttpGraphQlTester as, String conversationId, String body) {
        return as.document("""
                mutation($i: SendMessageInput!) { sendMessage(input: $i) {
                  message { id body senderRole readByRecipient } conversation { unreadCount messageCount }
                  errors { field code message } } }""")
                .variable("i", Map.of("conversationId", conversationId, "body", body)).execute();
    }
}
