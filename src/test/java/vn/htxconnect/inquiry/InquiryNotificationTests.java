package vn.htxconnect.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.inquiry.InquirySupport.Party;
import vn.htxconnect.notification.NotificationSupport;
import vn.htxconnect.notification.NotificationSupport.Registered;
import vn.htxconnect.testing.IntegrationTest;

/**
 * A new inquiry, and a message to a side that had read everything, notify the recipient organization; a chat
 * of many lines is one notice per unread streak, not one per line.
 */
@IntegrationTest
class InquiryNotificationTests {

    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void anInquiryNotifiesTheSupplierAndEachUnreadStreakNotifiesOnce() {
        Registered buyerOrg = NotificationSupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi Xanh ");
        Registered supplierOrg = NotificationSupport.register(anonymous, "COOPERATIVE", "HTX Chè ");
        HttpGraphQlTester buyer = buyerOrg.as(anonymous);
        HttpGraphQlTester supplier = supplierOrg.as(anonymous);

        String conversation = InquirySupport.start(new Party(buyerOrg.org(), buyer), supplierOrg.org(),
                        Map.of("subject", "Hỏi giá chè Thái Nguyên"))
                .path("startInquiry.conversation.id").entity(String.class).get();

        List<Map<String, Object>> toSupplier = NotificationSupport.notifications(supplier, supplierOrg.org());
        assertThat(toSupplier).hasSize(1);
        assertThat(toSupplier.getFirst()).containsEntry("kind", "INQUIRY_RECEIVED").containsEntry("subjectId", conversation);
        assertThat((String) toSupplier.getFirst().get("message")).contains(buyerOrg.name()).contains("Hỏi giá chè Thái Nguyên");
        assertThat(NotificationSupport.notifications(buyer, buyerOrg.org())).as("the sender is not notified").isEmpty();

        // The supplier has not read yet: two more lines from the buyer add no notice.
        InquirySupport.send(buyer, conversation, "Cần 2 tấn mỗi tháng.");
        InquirySupport.send(buyer, conversation, "Có chứng nhận VietGAP không?");
        assertThat(NotificationSupport.notifications(supplier, supplierOrg.org())).hasSize(1);

        // The supplier answers (reading the conversation by writing): the buyer, who had read everything, hears of it.
        InquirySupport.send(supplier, conversation, "Có, giá 250.000 đ/kg.");
        List<Map<String, Object>> toBuyer = NotificationSupport.notifications(buyer, buyerOrg.org());
        assertThat(toBuyer).hasSize(1);
        assertThat(toBuyer.getFirst()).containsEntry("kind", "MESSAGE_RECEIVED").containsEntry("subjectId", conversation);
        assertThat((String) toBuyer.getFirst().get("message")).contains(supplierOrg.name()).contains("Hỏi giá chè Thái Nguyên");

        InquirySupport.send(supplier, conversation, "Giao hàng trong 3 ngày.");
        assertThat(NotificationSupport.notifications(buyer, buyerOrg.org())).as("same unread streak").hasSize(1);

        // Once the buyer has read the conversation, the next line starts a new streak and a new notice.
        buyer.document("mutation($id: ID!) { markConversationRead(input: {conversationId: $id}) { errors { code } } }")
                .variable("id", conversation).execute()
                .path("markConversationRead.errors").entityList(Object.class).hasSize(0);
        InquirySupport.send(supplier, conversation, "Anh chị cần thêm gì không?");
        assertThat(NotificationSupport.notifications(buyer, buyerOrg.org()))
                .extracting(n -> n.get("kind")).containsExactly("MESSAGE_RECEIVED", "MESSAGE_RECEIVED");
        // And the supplier, who wrote last, got nothing for its own lines.
        assertThat(NotificationSupport.notifications(supplier, supplierOrg.org())).hasSize(1);
    }
}
