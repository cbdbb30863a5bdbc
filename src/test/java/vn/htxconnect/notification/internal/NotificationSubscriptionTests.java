package vn.htxconnect.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.htxconnect.notification.NotificationSupport.createProduct;
import static vn.htxconnect.notification.NotificationSupport.createRequest;
import static vn.htxconnect.notification.NotificationSupport.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.htxconnect.notification.NotificationIntegrationTest;
import vn.htxconnect.notification.NotificationSupport.Registered;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.TestData;

/**
 * {@code notificationAdded} over WebSocket (graphql-transport-ws at {@code /graphql-ws}), signed in
 * with the token in {@code connection_init}: members receive their organization's new
 * notifications as discovery writes them; other organizations and anonymous callers are refused.
 */
@NotificationIntegrationTest
class NotificationSubscriptionTests {

    static final String SUBSCRIBE = """
            subscription($o: ID!) { notificationAdded(organizationId: $o) { id kind title message subjectId read } }""";

    @LocalServerPort
    int port;
    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    NotificationFeed feed;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void emptyOnce() throws Exception {
        DedicatedDatabase.emptyOnce(context);
    }

    private WebSocketGraphQlTester connect(String token, String language) {
        WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql-ws",
                new StandardWebSocketClient()).responseTimeout(Duration.ofSeconds(30));
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        if (token != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        return builder.build();
    }

    private static long dbId(String globalId) {
        return GlobalId.decode("id", globalId).id();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void membersReceiveTheirNewNotificationsLive() throws Exception {
        String tag = TestData.unique("ws");
        Registered buyer = register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Registered coop = register(anonymous, "COOPERATIVE", "HTX Thanh long ");
        String title = "Thanh long ruột đỏ " + tag;
        String request = createRequest(buyer.as(anonymous), buyer.org(), title, "FRUIT_DRAGON");
        WebSocketGraphQlTester supplierSide = connect(coop.token(), null);
        WebSocketGraphQlTester buyerSide = connect(buyer.token(), "en");
        try {
            Flux<Map> toCoop = supplierSide.document(SUBSCRIBE).variable("o", coop.org()).executeSubscription()
                    .toFlux("notificationAdded", Map.class);
            Flux<Map> toBuyer = buyerSide.document(SUBSCRIBE).variable("o", buyer.org()).executeSubscription()
                    .toFlux("notificationAdded", Map.class);
            CompletableFuture<List<Map>> received = Flux.merge(toCoop.take(1), toBuyer.take(1)).collectList().toFuture();
            // Subscribed on the server (the feed counts them) before the product that matches is listed, and
            // longer ago than the query time limit (4 s here): events are not requests and must not time out.
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).until(() ->
                    feed.subscribers(dbId(coop.org())) == 1 && feed.subscribers(dbId(buyer.org())) == 1);
            String product = createProduct(coop.as(anonymous), coop.org(), "Thanh long Bình Thuận " + tag, "FRUIT_DRAGON");
            List<Map> events = received.get(60, TimeUnit.SECONDS);
            Map<?, ?> lead = events.stream().filter(e -> "LEAD_FOR_PRODUCT".equals(e.get("kind"))).findFirst().orElseThrow();
            assertThat(lead.get("subjectId")).isEqualTo(product);
            assertThat((String) lead.get("message")).startsWith("Yêu cầu «" + title + "» phù hợp sản phẩm");
            assertThat(lead.get("read")).isEqualTo(false);
            Map<?, ?> match = events.stream().filter(e -> "MATCH_FOR_REQUEST".equals(e.get("kind"))).findFirst().orElseThrow();
            assertThat(match.get("subjectId")).isEqualTo(request);
            assertThat((String) match.get("message")).startsWith("The product «Thanh long Bình Thuận " + tag + "» of "
                    + coop.name() + " matches your request «" + title + "»");
        } finally {
            supplierSide.stop().block(Duration.ofSeconds(10));
            buyerSide.stop().block(Duration.ofSeconds(10));
        }
        // Ended subscriptions are let go: with none left, the instance stops polling.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                feed.subscribers(dbId(coop.org())) == 0 && feed.subscribers(dbId(buyer.org())) == 0);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aMemberWhoLeavesTheOrganizationStopsReceivingItsNotifications() throws Exception {
        String tag = TestData.unique("wl");
        Registered buyer = register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Registered coop = register(anonymous, "COOPERATIVE", "HTX Bưởi ");
        createRequest(buyer.as(anonymous), buyer.org(), "Bưởi da xanh " + tag, "FRUIT_CITRUS");
        WebSocketGraphQlTester supplierSide = connect(coop.token(), null);
        try {
            CompletableFuture<List<Map>> received = supplierSide.document(SUBSCRIBE).variable("o", coop.org()).executeSubscription()
                    .toFlux("notificationAdded", Map.class).take(1).collectList().toFuture();
            await().atMost(Duration.ofSeconds(20)).until(() -> feed.subscribers(dbId(coop.org())) == 1);
            // The member leaves (its token stays valid); then a lead for the cooperative arrives.
            jdbc.update("DELETE FROM membership WHERE organization_id = ?", dbId(coop.org()));
            TestData.createProduct(anonymous, coop.org(), "Bưởi da xanh Bến Tre " + tag, "FRUIT_CITRUS",
                    Map.of("unit", "kg", "monthlyCapacity", 4000));
            assertThatThrownBy(() -> received.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SubscriptionErrorException.class)
                    .satisfies(e -> assertThat(((SubscriptionErrorException) e.getCause()).getErrors())
                            .extracting(error -> error.getExtensions().get("code")).containsExactly("FORBIDDEN"));
            // The notification itself was written for the organization: whoever is a member reads it.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE organization_id = ?", Integer.class,
                    dbId(coop.org()))).isPositive();
        } finally {
            supplierSide.stop().onErrorComplete().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void outsidersAndAnonymousCallersAreRefused() {
        Registered buyer = register(anonymous, "RETAIL_CHAIN", "Chuỗi ");
        Registered outsider = register(anonymous, "COOPERATIVE", "HTX ngoài ");
        assertRefused(connect(outsider.token(), null), buyer.org(), "FORBIDDEN");
        assertRefused(connect(null, null), buyer.org(), "UNAUTHENTICATED");
        assertThat(feed.subscribers(dbId(buyer.org()))).isZero();
        // A token that does not verify closes the connection at connection_init.
        WebSocketGraphQlTester forged = connect("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", null);
        try {
            Flux<GraphQlTester.Response> refused = forged.document(SUBSCRIBE).variable("o", buyer.org()).executeSubscription().toFlux();
            assertThatThrownBy(() -> refused.blockLast(Duration.ofSeconds(30)))
                    .isInstanceOf(GraphQlTransportException.class).hasMessageContaining("code=4401");
        } finally {
            forged.stop().onErrorComplete().block(Duration.ofSeconds(10));
        }
    }

    /** A subscription refused when it starts ends with an {@code error} message carrying the code. */
    private static void assertRefused(WebSocketGraphQlTester tester, String org, String code) {
        try {
            Flux<GraphQlTester.Response> refused = tester.document(SUBSCRIBE).variable("o", org).executeSubscription().toFlux();
            assertThatThrownBy(() -> refused.blockLast(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, e -> assertThat(e.getErrors())
                            .extracting(error -> error.getExtensions().get("code")).containsExactly(code));
        } finally {
            tester.stop().block(Duration.ofSeconds(10));
        }
    }
}
