package vn.htxconnect.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.inquiry.InquirySupport.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Buyer ↔ supplier conversations through the public API: exchange, read receipts, who may, blocking. */
@IntegrationTest
class InquiryFlowTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;

    static final String INBOX = """
            query($o: ID!, $u: Boolean) { conversations(filter: {organizationId: $o, unreadOnly: $u}) {
              totalCount edges { node { id subject unreadCount viewerRole lastMessagePreview
                buyer { id } supplier { id } } } } }""";

    static final String THREAD = """
            query($id: ID!) { conversation(id: $id) { messageCount unreadCount buyerReadAt supplierReadAt viewerRole
              messages { totalCount edges { node { body senderRole readByRecipient } } } } }""";

    @Test
    void buyerAndSupplierExchangeMessagesWithReadReceiptsAndUnreadCounts() {
        Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi sạch ");
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX Cà phê ");
        String product = TestData.createProduct(anonymous, supplier.organizationId(), "Cà phê Robusta", "COFFEE", Map.of());

        HttpGraphQlTester.Response started = InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", product));
        started.path("startInquiry.errors").entityList(Object.class).hasSize(0)
                .path("startInquiry.conversation.viewerRole").entity(String.class).isEqualTo("BUYER")
                .path("startInquiry.conversation.unreadCount").entity(Integer.class).isEqualTo(0)
                .path("startInquiry.conversation.subjectId").entity(String.class).isEqualTo(product)
                .path("startInquiry.conversation.product.name").entity(String.class).isEqualTo("Cà phê Robusta");
        String id = started.path("startInquiry.conversation.id").entity(String.class).get();

        // The supplier sees one unread conversation; the buyer none.
        supplier.as().document(INBOX).variable("o", supplier.organizationId()).variable("u", true).execute()
                .path("conversations.totalCount").entity(Integer.class).isEqualTo(1)
                .path("conversations.edges[0].node.unreadCount").entity(Integer.class).isEqualTo(1)
                .path("conversations.edges[0].node.viewerRole").entity(String.class).isEqualTo("SUPPLIER")
                .path("conversations.edges[0].node.buyer.id").entity(String.class).isEqualTo(buyer.organizationId());
        buyer.as().document(INBOX).variable("o", buyer.organizationId()).variable("u", true).execute()
                .path("conversations.totalCount").entity(Integer.class).isEqualTo(0);
        buyer.as().document(THREAD).variable("id", id).execute()
                .path("conversation.messages.edges[0].node.readByRecipient").entity(Boolean.class).isEqualTo(false)
                .path("conversation.supplierReadAt").valueIsNull();

        // The supplier reads: the buyer's message now shows as read.
        supplier.as().document("mutation($id: ID!) { markConversationRead(input: {conversationId: $id}) { conversation { unreadCount } errors { code } } }")
                .variable("id", id).execute()
                .path("markConversationRead.errors").entityList(Object.class).hasSize(0)
                .path("markConversationRead.conversation.unreadCount").entity(Integer.class).isEqualTo(0);
        buyer.as().document(THREAD).variable("id", id).execute()
                .path("conversation.messages.edges[0].node.readByRecipient").entity(Boolean.class).isEqualTo(true)
                .path("conversation.supplierReadAt").hasValue();

        // The supplier answers (decomposed text arrives NFC); the buyer has one unread message.
        String decomposed = Normalizer.normalize("Giá 45.000 đồng/kg, giao tại Đắk Lắk", Normalizer.Form.NFD);
        InquirySupport.send(supplier.as(), id, decomposed)
                .path("sendMessage.errors").entityList(Object.class).hasSize(0)
                .path("sendMessage.message.senderRole").entity(String.class).isEqualTo("SUPPLIER")
                .path("sendMessage.message.body").entity(String.class).isEqualTo("Giá 45.000 đồng/kg, giao tại Đắk Lắk");
        buyer.as().document(INBOX).variable("o", buyer.organizationId()).variable("u", true).execute()
                .path("conversations.totalCount").entity(Integer.class).isEqualTo(1)
                .path("conversations.edges[0].node.unreadCount").entity(Integer.class).isEqualTo(1)
                .path("conversations.edges[0].node.lastMessagePreview").entity(String.class)
                .isEqualTo("Giá 45.000 đồng/kg, giao tại Đắk Lắk");
        supplier.as().document(INBOX).variable("o", supplier.organizationId()).variable("u", true).execute()
                .path("conversations.totalCount").entity(Integer.class).isEqualTo(0);

        InquirySupport.send(buyer.as(), id, "Đồng ý, gửi hợp đồng giúp tôi").path("sendMessage.errors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester.Response thread = supplier.as().document(THREAD).variable("id", id).execute();
        thread.path("conversation.messageCount").entity(Integer.class).isEqualTo(3)
                .path("conversation.unreadCount").entity(Integer.class).isEqualTo(1)
                .path("conversation.messages.edges[*].node.senderRole").entityList(String.class)
                .containsExactly("BUYER", "SUPPLIER", "BUYER")
                // Answering implies reading: the supplier's answer marked the first message read, the buyer's reply did for the answer.
                .path("conversation.messages.edges[*].node.readByRecipient").entityList(Boolean.class)
                .containsExactly(true, true, false);
        assertThat(jdbc.queryForObject("SELECT first_response_at IS NOT NULL FROM conversation WHERE id = ?", Boolean.class,
                vn.htxconnect.platform.GlobalId.decode("id", id, "Conversation"))).isTrue();

        // Paging: the newest two, then the one before them.
        HttpGraphQlTester.Response tail = supplier.as().document("""
                query($id: ID!) { conversation(id: $id) { messages(last: 2) { pageInfo { hasPreviousPage startCursor }
                  edges { node { senderRole } } } } }""").variable("id", id).execute();
        tail.path("conversation.messages.edges[*].node.senderRole").entityList(String.class).containsExactly("SUPPLIER", "BUYER")
                .path("conversation.messages.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        String start = tail.path("conversation.messages.pageInfo.startCursor").entity(String.class).get();
        supplier.as().document("query($id: ID!, $b: String) { conversation(id: $id) { messages(last: 2, before: $b) { edges { node { body } } } } }")
                .variable("id", id).variable("b", start).execute()
                .path("conversation.messages.edges[*].node.body").entityList(String.class)
                .containsExactly("Cho hỏi giá 10 tấn cà phê Robusta?");
    }

    @Test
    void outsidersAreRefusedWithoutLearningWhetherAConversationExists() {
        Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX ");
        Party outsider = InquirySupport.register(anonymous, "COOPERATIVE", "HTX khác ");
        String id = InquirySupport.start(buyer, supplier.organizationId(), Map.of())
                .path("startInquiry.conversation.id").entity(String.class).get();
        String missing = vn.htxconnect.platform.GlobalId.encode("Conversation", Long.MAX_VALUE - 7);

        for (String conversation : List.of(id, missing)) {
            assertThat(codes(outsider.as().document(THREAD).variable("id", conversation).execute())).containsExactly("FORBIDDEN");
            assertThat(codes(outsider.as().document("query($id: ID!) { node(id: $id) { id } }").variable("id", conversation).execute()))
                    .containsExactly("FORBIDDEN");
            assertThat(codes(InquirySupport.send(outsider.as(), conversation, "Chào"))).containsExactly("FORBIDDEN");
        }
        assertThat(codes(outsider.as().document(INBOX).variable("o", supplier.organizationId()).execute())).containsExactly("FORBIDDEN");
        assertThat(codes(anonymous.document(THREAD).variable("id", id).execute())).containsExactly("UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT message_count FROM conversation WHERE id = ?", Integer.class,
                vn.htxconnect.platform.GlobalId.decode("id", id, "Conversation"))).isEqualTo(1);

        // Admins read any conversation; a missing one is simply not found for them.
        TestData.asAdmin(anonymous).document(THREAD).variable("id", id).execute()
                .path("conversation.messageCount").entity(Integer.class).isEqualTo(1)
                .path("conversation.viewerRole").valueIsNull();
        assertThat(codes(TestData.asAdmin(anonymous).document(THREAD).variable("id", missing).execute())).containsExactly("NOT_FOUND");
    }

    @Test
    void nobodySendsAnInquiryToTheirOwnOrganizationOrToABuyer() {
        Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Party otherBuyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi khác ");
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX ");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM conversation", Integer.class);
        InquirySupport.start(supplier, supplier.organizationId(), Map.of())
                .path("startInquiry.errors[0].field").entityList(String.class).containsExactly("input", "supplierId")
                .path("startInquiry.errors[0].code").entity(String.class).isEqualTo("INVALID");
        InquirySupport.start(buyer, otherBuyer.organizationId(), Map.of())
                .path("startInquiry.errors[0].code").entity(String.class).isEqualTo("INVALID");
        // A product of another organization, an unknown type of subject, over-long text: all named.
        String foreign = TestData.createProduct(anonymous, TestData.createOrganization(anonymous, TestData.unique("HTX "),
                "COOPERATIVE", "Huế"), "Chè Thái", "TEA", Map.of());
        InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", foreign, "message", "x".repeat(4001)))
                .path("startInquiry.errors[*].field[1]").entityList(String.class).containsExactly("subjectId", "message");
        InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", buyer.organizationId()))
                .path("startInquiry.errors[0].field[1]").entity(String.class).isEqualTo("subjectId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation", Integer.class)).isEqualTo(before);
        // A sourcing request must be one of the buyer's own (the sourcing module checks it).
        String unknown = vn.htxconnect.platform.GlobalId.encode("SourcingRequest", 999_999_999);
        InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", unknown))
                .path("startInquiry.errors[0].field[1]").entity(String.class).isEqualTo("subjectId")
                .path("startInquiry.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        Map<String, Object> in = new java.util.HashMap<>(Map.of("buyerOrganizationId", buyer.organizationId(),
                "title", "Chè búp tươi", "category", "COFFEE_TEA", "quantity", 1, "unit", "tấn", "frequency", "MONTHLY",
                "deliveryProvince", "Hà Nội"));
        in.put("windowFrom", java.time.LocalDate.now().plusDays(3).toString());
        in.put("windowTo", java.time.LocalDate.now().plusDays(60).toString());
        String request = buyer.as().document("""
                        mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { sourcingRequest { id } } }""")
                .variable("i", in).execute().path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
        InquirySupport.start(otherBuyer, supplier.organizationId(), Map.of("subjectId", request))
                .path("startInquiry.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        InquirySupport.start(buyer, supplier.organizationId(), Map.of("subjectId", request))
                .path("startInquiry.errors").entityList(Object.class).hasSize(0)
                .path("startInquiry.conversation.subjectId").entity(String.class).isEqualTo(request)
                .path("startInquiry.conversation.product").valueIsNull();
    }

    @Test
    void aBlockedSenderCannotStartInquiriesOrWriteUntilUnblocked() {
        Party buyer = InquirySupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Party supplier = InquirySupport.register(anonymous, "COOPERATIVE", "HTX ");
        String id = InquirySupport.start(buyer, supplier.organizationId(), Map.of())
                .path("startInquiry.conversation.id").entity(String.class).get();
        String block = "mutation($i: BlockSenderInput!) { blockSender(input: $i) { blocked blockedOrganization { id } errors { code } } }";
        Map<String, Object> input = Map.of("organizationId", supplier.organizationId(), "blockedOrganizationId", buyer.organizationId());
        supplier.as().document(block).variable("i", input).execute()
                .path("blockSender.blocked").entity(Boolean.class).isEqualTo(true);
        supplier.as().document("query($o: ID!) { blockedSenders(organizationId: $o) { totalCount edges { node { id } } } }")
                .variable("o", supplier.organizationId()).execute()
                .path("blockedSenders.edges[*].node.id").entityList(String.class).containsExactly(buyer.organizationId());

        InquirySupport.start(buyer, supplier.organizationId(), Map.of())
                .path("startInquiry.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
                .path("startInquiry.errors[0].field[1]").entity(String.class).isEqualTo("supplierId");
        buyer.as().mutate().header("Accept-Language", "en").build().document("""
                mutation($i: SendMessageInput!) { sendMessage(input: $i) { errors { code message } } }""")
                .variable("i", Map.of("conversationId", id, "body", "Còn đó không?")).execute()
                .path("sendMessage.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
                .path("sendMessage.errors[0].message").entity(String.class)
                .isEqualTo("This organization does not accept inquiries or messages from yours");
        // Blocking is one-way: the supplier may still write.
        InquirySupport.send(supplier.as(), id, "Chúng tôi đã ngừng nhận đơn").path("sendMessage.errors").entityList(Object.class).hasSize(0);
        supplier.as().document(block.replace("blockSender", "unblockSender")).variable("i", input).execute()
                .path("unblockSender.blocked").entity(Boolean.class).isEqualTo(false);
        InquirySupport.send(buyer.as(), id, "Cảm ơn").path("sendMessage.errors").entityList(Object.class).hasSize(0);
        supplier.as().document(block).variable("i", Map.of("organizationId", supplier.organizationId(),
                "blockedOrganizationId", supplier.organizationId())).execute()
                .path("blockSender.errors[0].code").entity(String.class).isEqualTo("INVALID");
    }

    static List<Object> codes(HttpGraphQlTester.Response response) {
        List<ResponseError> errors = response.returnResponse().getErrors();
        return errors.stream().map(e -> e.getExtensions().get("code")).toList();
    }
}
