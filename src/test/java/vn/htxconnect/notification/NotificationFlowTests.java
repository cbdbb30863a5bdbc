package vn.htxconnect.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.htxconnect.notification.NotificationSupport.LIST;
import static vn.htxconnect.notification.NotificationSupport.createProduct;
import static vn.htxconnect.notification.NotificationSupport.createRequest;
import static vn.htxconnect.notification.NotificationSupport.notifications;
import static vn.htxconnect.notification.NotificationSupport.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.notification.NotificationSupport.Registered;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/**
 * Match discovery end to end: a request and a matching product find each other through the outbox,
 * both organizations are told once (in their language), others are not; unread counts and read
 * marks are the organization's; only members read them.
 */
@NotificationIntegrationTest
class NotificationFlowTests {

    static final String MARK = """
            mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) {
              markedCount unreadCount errors { field code message } clientMutationId } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    NotificationService notificationService;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyOnce() throws Exception {
        DedicatedDatabase.emptyOnce(context);
    }

    @Test
    void aMatchingProductIsAnnouncedToBothSidesOnce() {
        String tag = TestData.unique("nt");
        Registered buyer = register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Registered coop = register(anonymous, "COOPERATIVE", "HTX Nhãn ");
        Registered stranger = register(anonymous, "COOPERATIVE", "HTX Cà phê ");
        HttpGraphQlTester b = buyer.as(anonymous);
        HttpGraphQlTester c = coop.as(anonymous);
        String title = "Nhãn lồng " + tag;
        String request = createRequest(b, buyer.org(), title, "FRUIT_LYCHEE_LONGAN");
        String productName = "Nhãn lồng Hưng Yên " + tag;
        String product = createProduct(c, coop.org(), productName, "FRUIT_LYCHEE_LONGAN");
        // Another category: no request of it is open, so nobody hears of it.
        createProduct(stranger.as(anonymous), stranger.org(), "Cà phê Robusta " + tag, "COFFEE");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notifications(b, buyer.org())).hasSize(1);
            assertThat(notifications(c, coop.org())).hasSize(1);
        });
        TestData.awaitOutboxDrained(jdbc);
        Map<String, Object> toBuyer = notifications(b, buyer.org()).getFirst();
        assertThat(toBuyer).containsEntry("kind", "MATCH_FOR_REQUEST").containsEntry("subjectId", request)
                .containsEntry("read", false).containsEntry("readAt", null)
                .containsEntry("title", "Có sản phẩm phù hợp yêu cầu mua của bạn");
        assertThat((String) toBuyer.get("message")).matches(Pattern.quote("Sản phẩm «" + productName + "» của " + coop.name()
                + " phù hợp yêu cầu «" + title + "» (điểm ") + "0,\\d\\d\\)");
        Map<String, Object> toCoop = notifications(c, coop.org()).getFirst();
        assertThat(toCoop).containsEntry("kind", "LEAD_FOR_PRODUCT").containsEntry("subjectId", product);
        assertThat((String) toCoop.get("message")).matches(Pattern.quote("Yêu cầu «" + title + "» phù hợp sản phẩm «"
                + productName + "» của bạn (điểm ") + "0,\\d\\d\\)");
        assertThat(notifications(stranger.as(anonymous), stranger.org())).isEmpty();

        // English by Accept-Language.
        String english = (String) notifications(b.mutate().header("Accept-Language", "en").build(), buyer.org())
                .getFirst().get("message");
        assertThat(english).matches(Pattern.quote("The product «" + productName + "» of " + coop.name()
                + " matches your request «" + title + "» (score ") + "0\\.\\d\\d\\)");

        // Either side changes again: the pair is known, nobody is told twice.
        c.document("mutation($i: UpdateProductInput!) { updateProduct(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", product, "description", "Vụ mới " + tag)).execute()
                .path("updateProduct.errors").entityList(Object.class).hasSize(0);
        b.document("mutation($i: UpdateSourcingRequestInput!) { updateSourcingRequest(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", request, "details", "Cần gấp " + tag)).execute()
                .path("updateSourcingRequest.errors").entityList(Object.class).hasSize(0);
        TestData.awaitOutboxDrained(jdbc);
        assertThat(notifications(b, buyer.org())).hasSize(1);
        assertThat(notifications(c, coop.org())).hasSize(1);
    }

    @Test
    void unreadCountsAndReadMarksBelongToTheOrganization() {
        String tag = TestData.unique("rd");
        Registered buyer = register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Registered first = register(anonymous, "COOPERATIVE", "HTX Sầu riêng ");
        Registered second = register(anonymous, "COOPERATIVE", "HTX Sầu riêng ");
        HttpGraphQlTester owner = buyer.as(anonymous);
        HttpGraphQlTester member = TestData.bearer(anonymous, invitedMember(owner, buyer.org()));
        createRequest(owner, buyer.org(), "Sầu riêng Ri6 " + tag, "FRUIT_DURIAN");
        createProduct(first.as(anonymous), first.org(), "Sầu riêng Ri6 Đắk Lắk " + tag, "FRUIT_DURIAN");
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(owner, buyer.org()).size() == 1);
        createProduct(second.as(anonymous), second.org(), "Sầu riêng Ri6 Tiền Giang " + tag, "FRUIT_DURIAN");
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(owner, buyer.org()).size() == 2);

        HttpGraphQlTester.Response all = owner.document(LIST).variable("o", buyer.org()).execute();
        all.path("notifications.totalCount").entity(Integer.class).isEqualTo(2);
        all.path("notifications.unreadCount").entity(Integer.class).isEqualTo(2);
        List<String> ids = all.path("notifications.edges[*].node.id").entityList(String.class).get();

        // Paging: newest first, one at a time.
        HttpGraphQlTester.Response page = owner.document(LIST).variable("o", buyer.org()).variable("n", 1).execute();
        page.path("notifications.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0));
        page.path("notifications.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        owner.document(LIST).variable("o", buyer.org()).variable("n", 1)
                .variable("a", page.path("notifications.pageInfo.endCursor").entity(String.class).get()).execute()
                .path("notifications.edges[*].node.id").entityList(String.class).containsExactly(ids.get(1));

        // A member marks one read: it is read for the whole organization.
        HttpGraphQlTester.Response marked = member.document(MARK)
                .variable("i", Map.of("organizationId", buyer.org(), "ids", List.of(ids.get(1)), "clientMutationId", "m1")).execute();
        marked.path("markNotificationsRead.errors").entityList(Object.class).hasSize(0);
        marked.path("markNotificationsRead.markedCount").entity(Integer.class).isEqualTo(1);
        marked.path("markNotificationsRead.unreadCount").entity(Integer.class).isEqualTo(1);
        marked.path("markNotificationsRead.clientMutationId").entity(String.class).isEqualTo("m1");
        HttpGraphQlTester.Response unread = owner.document(LIST).variable("o", buyer.org()).variable("u", true).execute();
        unread.path("notifications.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0));
        unread.path("notifications.totalCount").entity(Integer.class).isEqualTo(1);
        unread.path("notifications.unreadCount").entity(Integer.class).isEqualTo(1);
        assertThat(notifications(owner, buyer.org()).get(1)).containsEntry("read", true).extractingByKey("readAt").isNotNull();
        member.document(MARK).variable("i", Map.of("organizationId", buyer.org(), "ids", List.of(ids.get(1)))).execute()
                .path("markNotificationsRead.markedCount").entity(Integer.class).isEqualTo(0);

        // Outsiders: FORBIDDEN (or sign in); another organization's notification is not found in one's own.
        HttpGraphQlTester outsider = first.as(anonymous);
        outsider.document(LIST).variable("o", buyer.org()).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        outsider.document(MARK).variable("i", Map.of("organizationId", buyer.org())).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        anonymous.document(LIST).variable("o", buyer.org()).execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
        outsider.document("query($id: ID!) { node(id: $id) { id } }").variable("id", ids.get(0)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        owner.document("query($id: ID!) { node(id: $id) { ... on Notification { kind } } }").variable("id", ids.get(0))
                .execute().path("node.kind").entity(String.class).isEqualTo("MATCH_FOR_REQUEST");
        HttpGraphQlTester.Response refused = outsider.document(MARK)
                .variable("i", Map.of("organizationId", first.org(), "ids", List.of(ids.get(0), "not-an-id"))).execute();
        refused.path("markNotificationsRead.errors[0].field").entityList(String.class).containsExactly("input", "ids", "1");
        refused.path("markNotificationsRead.errors[0].code").entity(String.class).isEqualTo("INVALID");
        refused.path("markNotificationsRead.errors[1].field").entityList(String.class).containsExactly("input", "ids", "0");
        refused.path("markNotificationsRead.errors[1].code").entity(String.class).isEqualTo("NOT_FOUND");
        owner.document(LIST).variable("o", buyer.org()).execute()
                .path("notifications.unreadCount").entity(Integer.class).isEqualTo(1);

        // Everything read at once.
        HttpGraphQlTester.Response everything = owner.document(MARK).variable("i", Map.of("organizationId", buyer.org())).execute();
        everything.path("markNotificationsRead.markedCount").entity(Integer.class).isEqualTo(1);
        everything.path("markNotificationsRead.unreadCount").entity(Integer.class).isEqualTo(0);
    }

    /** A page of 50 notifications costs the same SQL statements as a page of 5. */
    @Test
    void statementsDoNotGrowWithPageSize() {
        Registered org = register(anonymous, "COOPERATIVE", "HTX nhiều tin ");
        long orgId = GlobalId.decode("id", org.org()).id();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 60; i++) {
                notificationService.notify(orgId, NotificationKind.LEAD_FOR_PRODUCT, null,
                        Map.of("request", "Yêu cầu " + i, "product", "Sản phẩm " + i, "score", "0.7"));
            }
        });
        HttpGraphQlTester reader = org.as(anonymous);
        TestData.awaitOutboxDrained(jdbc);
        sql.reset();
        reader.document(LIST).variable("o", org.org()).variable("n", 5).execute()
                .path("notifications.edges").entityList(Object.class).hasSize(5);
        int small = sql.count();
        sql.reset();
        reader.document(LIST).variable("o", org.org()).variable("n", 50).execute()
                .path("notifications.edges").entityList(Object.class).hasSize(50);
        assertThat(sql.count()).as(sql.statements().toString()).isEqualTo(small);
    }

    private String invitedMember(HttpGraphQlTester owner, String org) {
        String invitation = owner.document("mutation($o: ID!, $e: String!) { inviteMember(input: {organizationId: $o, email: $e}) { invitationToken } }")
                .variable("o", org).variable("e", TestData.unique("m") + "@chuoi.vn").execute()
                .path("inviteMember.invitationToken").entity(String.class).get();
        return anonymous.document("mutation($t: String!) { acceptInvitation(input: {token: $t, name: \"Thành viên\", password: \"mat-khau-thanh-vien\"}) { token } }")
                .variable("t", invitation).execute().path("acceptInvitation.token").entity(String.class).get();
    }
}
