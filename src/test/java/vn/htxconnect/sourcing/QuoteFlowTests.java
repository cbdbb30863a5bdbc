package vn.htxconnect.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Quotes end to end: a cooperative answers a buyer's request, the buyer accepts (and the event is
 * published in the accepting transaction) or declines, the supplier withdraws; bad input writes
 * nothing; each party sees only what it may.
 */
@IntegrationTest
class QuoteFlowTests {

    static final String SEND = """
            mutation($i: SendQuoteInput!) { sendQuote(input: $i) {
              quote { id status pricePerUnitVnd quantity unit frequency totalPerPeriodVnd validUntil deliveryTerms
                      product { id } supplier { id } buyer { id } conversation { id subjectId messageCount } }
              errors { field code message } clientMutationId } }""";
    static final String ACCEPT = """
            mutation($id: ID!) { acceptQuote(input: {quoteId: $id, clientMutationId: "a1"}) {
              quote { id status decidedAt } errors { field code message } clientMutationId } }""";
    static final String DECLINE = """
            mutation($id: ID!, $r: String) { declineQuote(input: {quoteId: $id, reason: $r}) {
              quote { id status decisionReason decidedAt } errors { field code message } } }""";
    static final String WITHDRAW = """
            mutation($id: ID!) { withdrawQuote(input: {quoteId: $id, reason: "Hết hàng"}) {
              quote { id status decisionReason } errors { field code message } } }""";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    /** An organization and its signed-in owner. */
    record Party(String org, HttpGraphQlTester as) {
    }

    /** A QuoteAccepted event as seen by a listener, and whether a transaction was open when it arrived. */
    record Seen(QuoteAccepted event, boolean inTransaction) {
    }

    final List<Seen> accepted = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof QuoteAccepted qa) {
            accepted.add(new Seen(qa, TransactionSynchronizationManager.isActualTransactionActive()));
        }
    };

    Party buyer;
    Party coop;

    @BeforeEach
    void parties() {
        // Listening on the shared context, rather than importing a listener bean, keeps the test on the
        // application context the other integration tests use.
        context.addApplicationListener(listener);
        buyer = register("RETAIL_CHAIN", "Chuỗi quote ");
        coop = register("COOPERATIVE", "HTX quote ");
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    Party register(String kind, String prefix) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique(prefix), "province", "Lâm Đồng"),
                        "owner", Map.of("email", TestData.unique("q") + "@htx.vn", "name", "Người dùng", "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    String request(Map<String, Object> extra) {
        Map<String, Object> in = new HashMap<>(Map.of("buyerOrganizationId", buyer.org(), "title", "Cà phê Robusta nhân xô", "category", "COFFEE",
                "quantity", 2, "unit", "tấn", "frequency", "WEEKLY", "deliveryProvince", "Hồ Chí Minh",
                "windowFrom", LocalDate.now().plusDays(7).toString(), "windowTo", LocalDate.now().plusDays(120).toString()));
        in.putAll(extra);
        return buyer.as().document("""
                mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
                  sourcingRequest { id } errors { field code message } } }""").variable("i", in).execute()
                .path("createSourcingRequest.errors").entityList(Object.class).hasSize(0)
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
    }

    static Map<String, Object> quote(String request, String supplier) {
        Map<String, Object> in = new HashMap<>();
        in.put("requestId", request);
        in.put("supplierOrganizationId", supplier);
        in.put("pricePerUnitVnd", 45000);
        in.put("quantity", 2.5);
        in.put("unit", "tấn");
        in.put("validUntil", OffsetDateTime.now().plusDays(14).toString());
        in.put("deliveryTerms", "Giao tại kho người mua, thanh toán trong 30 ngày");
        in.put("clientMutationId", "q1");
        return in;
    }

    String send(Party supplier, Map<String, Object> input) {
        return supplier.as().document(SEND).variable("i", input).execute()
                .path("sendQuote.errors").entityList(Object.class).hasSize(0)
                .path("sendQuote.quote.id").entity(String.class).get();
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void cooperativeQuotesBuyerAcceptsAndTheDealIsPublished() {
        String request = request(Map.of("category", "COFFEE"));
        String product = TestData.createProduct(anonymous, coop.org(), "Cà phê Robusta " + TestData.unique("p"), "COFFEE",
                Map.of("unit", "tấn"));
        Map<String, Object> in = quote(request, coop.org());
        in.put("productId", product);
        HttpGraphQlTester.Response sent = coop.as().document(SEND).variable("i", in).execute();
        sent.path("sendQuote.errors").entityList(Object.class).hasSize(0);
        sent.path("sendQuote.clientMutationId").entity(String.class).isEqualTo("q1");
        sent.path("sendQuote.quote.status").entity(String.class).isEqualTo("SENT");
        sent.path("sendQuote.quote.unit").entity(String.class).isEqualTo("TAN");
        sent.path("sendQuote.quote.frequency").entity(String.class).isEqualTo("WEEKLY");
        sent.path("sendQuote.quote.totalPerPeriodVnd").entity(Long.class).isEqualTo(112500L);
        sent.path("sendQuote.quote.product.id").entity(String.class).isEqualTo(product);
        sent.path("sendQuote.quote.buyer.id").entity(String.class).isEqualTo(buyer.org());
        sent.path("sendQuote.quote.conversation.subjectId").entity(String.class).isEqualTo(request);
        String id = sent.path("sendQuote.quote.id").entity(String.class).get();

        // The buyer finds it on the request, in its list, and in its inbox as an unread message.
        buyer.as().document("query($id: ID!) { sourcingRequest(id: $id) { quotes { totalCount edges { node { id supplier { id } status } } } } }")
                .variable("id", request).execute()
                .path("sourcingRequest.quotes.totalCount").entity(Integer.class).isEqualTo(1)
                .path("sourcingRequest.quotes.edges[0].node.id").entity(String.class).isEqualTo(id)
                .path("sourcingRequest.quotes.edges[0].node.supplier.id").entity(String.class).isEqualTo(coop.org());
        buyer.as().document("query($o: ID!) { quotes(filter: {organizationId: $o, role: BUYER, status: SENT}) { totalCount edges { node { id } } } }")
                .variable("o", buyer.org()).execute()
                .path("quotes.edges[*].node.id").entityList(String.class).containsExactly(id);
        HttpGraphQlTester.Response inbox = buyer.as().document("""
                query($o: ID!) { conversations(filter: {organizationId: $o}) { edges { node {
                  subjectId unreadCount supplier { id } messages(last: 1) { edges { node { body senderRole } } } } } } }""")
                .variable("o", buyer.org()).execute();
        inbox.path("conversations.edges[0].node.subjectId").entity(String.class).isEqualTo(request);
        inbox.path("conversations.edges[0].node.unreadCount").entity(Integer.class).isEqualTo(1);
        inbox.path("conversations.edges[0].node.messages.edges[0].node.senderRole").entity(String.class).isEqualTo("SUPPLIER");
        assertThat(inbox.path("conversations.edges[0].node.messages.edges[0].node.body").entity(String.class).get())
                .startsWith("Báo giá: 45000 đồng/tấn, 2.5 tấn mỗi tuần, hiệu lực đến ")
                .contains("Điều kiện giao hàng: Giao tại kho người mua");
        // The supplier opened that conversation: it is no answered inquiry in its response statistics.
        coop.as().document("query($id: ID!) { organization(id: $id) { responseStats { conversationCount } } }")
                .variable("id", coop.org()).execute()
                .path("organization.responseStats.conversationCount").entity(Integer.class).isEqualTo(0);

        HttpGraphQlTester.Response ok = buyer.as().document(ACCEPT).variable("id", id).execute();
        ok.path("acceptQuote.errors").entityList(Object.class).hasSize(0);
        ok.path("acceptQuote.clientMutationId").entity(String.class).isEqualTo("a1");
        ok.path("acceptQuote.quote.status").entity(String.class).isEqualTo("ACCEPTED");
        ok.path("acceptQuote.quote.decidedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        long quoteId = GlobalId.decode("id", id).id();
        List<Seen> mine = accepted.stream().filter(s -> s.event().quoteId() == quoteId).toList();
        assertThat(mine).hasSize(1);
        Seen seen = mine.getFirst();
        assertThat(seen.inTransaction()).as("published inside the accepting transaction").isTrue();
        QuoteAccepted e = seen.event();
        assertThat(e.requestId()).isEqualTo(GlobalId.decode("id", request).id());
        assertThat(e.supplierOrganizationId()).isEqualTo(GlobalId.decode("id", coop.org()).id());
        assertThat(e.buyerOrganizationId()).isEqualTo(GlobalId.decode("id", buyer.org()).id());
        assertThat(e.productId()).isEqualTo(GlobalId.decode("id", product).id());
        assertThat(e.categoryCode()).isEqualTo("COFFEE");
        assertThat(e.pricePerUnitVnd()).isEqualTo(45000L);
        assertThat(e.unit()).isEqualTo("TAN");
        assertThat(e.quantity()).isEqualTo(2.5);
        assertThat(e.frequency()).isEqualTo("WEEKLY");
        assertThat(e.windowFrom()).isEqualTo(LocalDate.now().plusDays(7));
        assertThat(e.windowTo()).isEqualTo(LocalDate.now().plusDays(120));
        assertThat(e.acceptedAt()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT decided_by_user_id IS NOT NULL FROM quote WHERE id = ?", Boolean.class, quoteId)).isTrue();

        // Final: a second answer is refused and publishes nothing.
        buyer.as().document(ACCEPT).variable("id", id).execute()
                .path("acceptQuote.quote").valueIsNull()
                .path("acceptQuote.errors[0].field").entityList(String.class).containsExactly("input", "quoteId")
                .path("acceptQuote.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        buyer.as().document(DECLINE).variable("id", id).execute()
                .path("declineQuote.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        assertThat(accepted.stream().filter(s -> s.event().quoteId() == quoteId)).hasSize(1);
        // The supplier may not accept its own quote.
        coop.as().document(ACCEPT).variable("id", id).execute().errors()
                .expect(err -> "FORBIDDEN".equals(err.getExtensions().get("code"))).verify();
    }

    private void assertRefused(Party as, Map<String, Object> input, String field, String code) {
        int quotes = count("quote");
        int messages = count("conversation_message");
        List<Map<String, Object>> errors = as.as().document(SEND).variable("i", input).execute()
                .path("sendQuote.quote").valueIsNull()
                .path("sendQuote.errors").entityList(MAP).get();
        assertThat(errors).as(field + " " + code).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(List.of("input", field));
            assertThat(e.get("code")).isEqualTo(code);
        });
        assertThat(count("quote")).as("no quote written").isEqualTo(quotes);
        assertThat(count("conversation_message")).as("no message written").isEqualTo(messages);
    }

    private Map<String, Object> with(String request, String key, Object value) {
        Map<String, Object> in = quote(request, coop.org());
        in.put(key, value);
        return in;
    }

    @Test
    void badQuotesAreRefusedWithTheirFieldAndWriteNothing() {
        String request = request(Map.of());
        assertRefused(coop, with(request, "pricePerUnitVnd", 0), "pricePerUnitVnd", "OUT_OF_RANGE");
        assertRefused(coop, with(request, "pricePerUnitVnd", -100), "pricePerUnitVnd", "OUT_OF_RANGE");
        assertRefused(coop, with(request, "quantity", 0), "quantity", "OUT_OF_RANGE");
        assertRefused(coop, with(request, "quantity", -1), "quantity", "OUT_OF_RANGE");
        assertRefused(coop, with(request, "quantity", 1.2345), "quantity", "INVALID");
        assertRefused(coop, with(request, "validUntil", OffsetDateTime.now().minusHours(1).toString()), "validUntil", "INVALID");
        assertRefused(coop, with(request, "validUntil", OffsetDateTime.now().plusDays(181).toString()), "validUntil", "OUT_OF_RANGE");
        assertRefused(coop, with(request, "unit", "kg"), "unit", "INVALID");
        assertRefused(coop, with(request, "unit", "sọt"), "unit", "INVALID");
        assertRefused(coop, with(request, "deliveryTerms", "x".repeat(1001)), "deliveryTerms", "TOO_LONG");
        Party other = register("COOPERATIVE", "HTX khác ");
        String othersProduct = TestData.createProduct(anonymous, other.org(), "Cà phê của HTX khác", "COFFEE", Map.of());
        assertRefused(coop, with(request, "productId", othersProduct), "productId", "INVALID");
        assertRefused(coop, with(request, "productId", GlobalId.encode("Product", Long.MAX_VALUE)), "productId", "NOT_FOUND");
        assertRefused(coop, with(request, "requestId", GlobalId.encode("SourcingRequest", Long.MAX_VALUE)), "requestId", "NOT_FOUND");
        // Every problem is reported at once.
        Map<String, Object> many = with(request, "pricePerUnitVnd", 0);
        many.put("quantity", 0);
        many.put("unit", "kg");
        assertThat(coop.as().document(SEND).variable("i", many).execute().path("sendQuote.errors[*].field")
                .entityList(Object.class).get()).hasSize(3);

        // The buyer's own organization cannot quote on its request.
        assertRefused(buyer, quote(request, buyer.org()), "supplierOrganizationId", "INVALID");
        // A retail chain is no supplier.
        Party chain = register("RETAIL_CHAIN", "Chuỗi khác ");
        assertRefused(chain, quote(request, chain.org()), "supplierOrganizationId", "INVALID");

        // Someone who is not a member of the supplier: FORBIDDEN, and nothing written.
        int quotes = count("quote");
        other.as().document(SEND).variable("i", quote(request, coop.org())).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("quote")).isEqualTo(quotes);

        // One quote awaiting an answer per supplier and request.
        send(coop, quote(request, coop.org()));
        assertRefused(coop, quote(request, coop.org()), "requestId", "CONFLICT");

        // A paused, then closed request takes no quotes.
        buyer.as().document("mutation($id: ID!) { pauseSourcingRequest(input: {id: $id}) { errors { code } } }")
                .variable("id", request).execute().path("pauseSourcingRequest.errors").entityList(Object.class).hasSize(0);
        assertRefused(other, quote(request, other.org()), "requestId", "CONFLICT");
        buyer.as().document("mutation($id: ID!) { closeSourcingRequest(input: {id: $id}) { errors { code } } }")
                .variable("id", request).execute().path("closeSourcingRequest.errors").entityList(Object.class).hasSize(0);
        assertRefused(other, quote(request, other.org()), "requestId", "CONFLICT");
        // In English on request.
        assertThat(other.as().mutate().header("Accept-Language", "en").build().document(SEND)
                .variable("i", quote(request, other.org())).execute().path("sendQuote.errors[0].message")
                .entity(String.class).get()).isEqualTo("The request is not taking quotes (it is CLOSED)");
    }

    @Test
    void suppliersSeeOnlyTheirOwnQuotesAndTheBuyerSeesAll() {
        String request = request(Map.of());
        Party rival = register("COOPERATIVE", "HTX đối thủ ");
        String mine = send(coop, quote(request, coop.org()));
        String theirs = send(rival, quote(request, rival.org()));
        String onRequest = "query($id: ID!) { sourcingRequest(id: $id) { quotes { totalCount edges { node { id } } } } }";
        buyer.as().document(onRequest).variable("id", request).execute()
                .path("sourcingRequest.quotes.edges[*].node.id").entityList(String.class).containsExactly(theirs, mine);
        coop.as().document(onRequest).variable("id", request).execute()
                .path("sourcingRequest.quotes.totalCount").entity(Integer.class).isEqualTo(1)
                .path("sourcingRequest.quotes.edges[*].node.id").entityList(String.class).containsExactly(mine);
        TestData.asAdmin(anonymous).document(onRequest).variable("id", request).execute()
                .path("sourcingRequest.quotes.totalCount").entity(Integer.class).isEqualTo(2);
        // A competitor's quote does not resolve, and its organization's list is closed to others.
        coop.as().document("query($id: ID!) { node(id: $id) { id } }").variable("id", theirs).execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        coop.as().document("query($id: ID!) { node(id: $id) { ... on Quote { status request { id } } } }").variable("id", mine)
                .execute().path("node.status").entity(String.class).isEqualTo("SENT");
        coop.as().document("query($o: ID!) { quotes(filter: {organizationId: $o}) { totalCount } }").variable("o", rival.org())
                .execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        coop.as().document("query($o: ID!, $r: ID!) { quotes(filter: {organizationId: $o, role: SUPPLIER, requestId: $r}) { totalCount edges { node { id } } } }")
                .variable("o", coop.org()).variable("r", request).execute()
                .path("quotes.edges[*].node.id").entityList(String.class).containsExactly(mine);
        buyer.as().document("query($o: ID!) { quotes(filter: {organizationId: $o, role: SUPPLIER}) { totalCount } }")
                .variable("o", buyer.org()).execute().path("quotes.totalCount").entity(Integer.class).isEqualTo(0);
        buyer.as().document("{ quotes(filter: {organizationId: \"x\"}, first: 101) { totalCount } }").execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void invitedAndAnonymousBuyerRequestsKeepTheirSecrets() {
        Party invited = register("COOPERATIVE", "HTX được mời ");
        String invitedOnly = request(Map.of("visibility", "INVITED", "invitedOrganizationIds", List.of(invited.org())));
        assertRefused(coop, quote(invitedOnly, coop.org()), "requestId", "NOT_FOUND");
        send(invited, quote(invitedOnly, invited.org()));

        // The buyer hides who it is: the quote does not open a conversation that would show it, and the
        // supplier sees no buyer until the buyer accepts.
        String hidden = request(Map.of("confidentialFields", List.of("BUYER")));
        int conversations = count("conversation");
        HttpGraphQlTester.Response sent = coop.as().document(SEND).variable("i", quote(hidden, coop.org())).execute();
        sent.path("sendQuote.quote.buyer").valueIsNull().path("sendQuote.quote.conversation").valueIsNull();
        assertThat(count("conversation")).isEqualTo(conversations);
        String id = sent.path("sendQuote.quote.id").entity(String.class).get();
        buyer.as().document("query($id: ID!) { node(id: $id) { ... on Quote { buyer { id } } } }").variable("id", id).execute()
                .path("node.buyer.id").entity(String.class).isEqualTo(buyer.org());
        buyer.as().document(ACCEPT).variable("id", id).execute().path("acceptQuote.quote.status").entity(String.class).isEqualTo("ACCEPTED");
        coop.as().document("query($id: ID!) { node(id: $id) { ... on Quote { buyer { id } request { buyerOrganization { id } } } } }")
                .variable("id", id).execute()
                .path("node.buyer.id").entity(String.class).isEqualTo(buyer.org())
                .path("node.request.buyerOrganization").valueIsNull();
    }

    @Test
    void buyerDeclinesWithAReasonAndTheSupplierMayQuoteAgain() {
        String request = request(Map.of());
        String first = send(coop, quote(request, coop.org()));
        buyer.as().document(DECLINE).variable("id", first).variable("r", "Giá cao hơn mục tiêu").execute()
                .path("declineQuote.errors").entityList(Object.class).hasSize(0)
                .path("declineQuote.quote.status").entity(String.class).isEqualTo("DECLINED")
                .path("declineQuote.quote.decisionReason").entity(String.class).isEqualTo("Giá cao hơn mục tiêu");
        buyer.as().document(DECLINE).variable("id", first).variable("r", "x".repeat(501)).execute()
                .path("declineQuote.errors[*].code").entityList(String.class).contains("CONFLICT");
        Map<String, Object> cheaper = quote(request, coop.org());
        cheaper.put("pricePerUnitVnd", 41000);
        String second = send(coop, cheaper);
        coop.as().document("query($o: ID!) { quotes(filter: {organizationId: $o, role: SUPPLIER, status: DECLINED}) { edges { node { id } } } }")
                .variable("o", coop.org()).execute().path("quotes.edges[*].node.id").entityList(String.class).containsExactly(first);
        // A reason that is too long is refused and changes nothing.
        buyer.as().document(DECLINE).variable("id", second).variable("r", "x".repeat(501)).execute()
                .path("declineQuote.errors[0].field").entityList(String.class).containsExactly("input", "reason")
                .path("declineQuote.errors[0].code").entity(String.class).isEqualTo("TOO_LONG");
        assertThat(jdbc.queryForObject("SELECT status FROM quote WHERE id = ?", String.class,
                GlobalId.decode("id", second).id())).isEqualTo("SENT");
    }

    @Test
    void supplierWithdrawsAndOnlyTheSupplierMay() {
        String request = request(Map.of());
        String id = send(coop, quote(request, coop.org()));
        buyer.as().document(WITHDRAW).variable("id", id).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        coop.as().document(WITHDRAW).variable("id", id).execute()
                .path("withdrawQuote.quote.status").entity(String.class).isEqualTo("WITHDRAWN")
                .path("withdrawQuote.quote.decisionReason").entity(String.class).isEqualTo("Hết hàng");
        buyer.as().document(ACCEPT).variable("id", id).execute()
                .path("acceptQuote.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        coop.as().document(WITHDRAW).variable("id", id).execute()
                .path("withdrawQuote.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
    }

    @Test
    void anExpiredQuoteCannotBeAcceptedAndMakesRoomForANewOne() {
        String request = request(Map.of());
        String id = send(coop, quote(request, coop.org()));
        jdbc.update("UPDATE quote SET valid_until = CURRENT_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE id = ?",
                GlobalId.decode("id", id).id());
        buyer.as().document(ACCEPT).variable("id", id).execute()
                .path("acceptQuote.quote").valueIsNull()
                .path("acceptQuote.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        buyer.as().document("query($o: ID!) { quotes(filter: {organizationId: $o, status: EXPIRED}) { edges { node { id status } } } }")
                .variable("o", buyer.org()).execute()
                .path("quotes.edges[*].node.id").entityList(String.class).containsExactly(id)
                .path("quotes.edges[0].node.status").entity(String.class).isEqualTo("EXPIRED");
        buyer.as().document("query($o: ID!) { quotes(filter: {organizationId: $o, status: SENT}) { totalCount } }")
                .variable("o", buyer.org()).execute().path("quotes.totalCount").entity(Integer.class).isEqualTo(0);
        assertThat(jdbc.queryForObject("SELECT status FROM quote WHERE id = ?", String.class, GlobalId.decode("id", id).id()))
                .as("EXPIRED is shown, never stored").isEqualTo("SENT");
        String again = send(coop, quote(request, coop.org()));
        // Two messages in the one conversation about the request.
        coop.as().document("query($id: ID!) { node(id: $id) { ... on Quote { conversation { messageCount subjectId } } } }")
                .variable("id", again).execute()
                .path("node.conversation.messageCount").entity(Integer.class).isEqualTo(2)
                .path("node.conversation.subjectId").entity(String.class).isEqualTo(request);
    }
}
