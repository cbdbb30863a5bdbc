package vn.htxconnect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.HtxConnectApplication;
import vn.htxconnect.notification.NotificationSupport;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Webhooks end to end against a real HTTP receiver (the JDK's server on 127.0.0.1, which the test configuration
 * allow-lists). This context writes (GraphQL) but does not send ({@code htx.webhook.enabled=false}); a second
 * instance started here on the same database sends, so the last test can stop it mid-retry and start another.
 * Signatures are checked with the test's own HMAC code, not the application's.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.webhook.enabled=false",
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}webhook-",
        "spring.datasource.url=" + DedicatedDatabase.URL + "webhook" + DedicatedDatabase.OPTIONS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryTests {

    /** Retries after 1 s, four times: five attempts, then DEAD; one DEAD delivery disables an endpoint. */
    static final List<String> SENDER_SETTINGS = List.of("--htx.webhook.enabled=true", "--htx.webhook.request-timeout=1s",
            "--htx.webhook.connect-timeout=1s", "--htx.webhook.retry-schedule=1s,1s,1s,1s",
            "--htx.webhook.disable-after-dead-deliveries=1", "--htx.webhook.poll-interval=100ms");

    @Autowired
    ConfigurableApplicationContext a;
    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    WebhookEvents webhooks;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    HttpGraphQlTester admin;
    HttpServer server;
    String base;
    ConfigurableApplicationContext sender;
    String org;

    /** One request the receiver got, and what it answered. */
    record Received(String path, String id, String timestamp, String signature, String body, Instant at, int answered) {
    }

    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    final Set<String> failedFirst = ConcurrentHashMap.newKeySet();
    final AtomicBoolean restartReceiverDown = new AtomicBoolean(true);

    @BeforeAll
    void start() throws Exception {
        DedicatedDatabase.emptyOnce(a);
        admin = TestData.asAdmin(anonymous);
        org = TestData.createOrganization(anonymous, TestData.unique("HTX webhook "), "COOPERATIVE", "Gia Lai");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::receive);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        sender = startSender();
    }

    @AfterAll
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** The receiver: what it answers depends on the first segment of the path. */
    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        boolean firstOfId = id != null && seenIds.add(path + " " + id);
        int status = 200;
        if (path.startsWith("/fail-once/") && firstOfId) {
            status = 500;
        } else if (path.startsWith("/fail-first/") && failedFirst.add(path)) {
            status = 500;
        } else if (path.startsWith("/always-500/")) {
            status = 500;
        } else if (path.startsWith("/restart/") && restartReceiverDown.get()) {
            status = 503;
        } else if (path.startsWith("/slow-once/") && firstOfId) {
            try {
                Thread.sleep(3_000); // past the sender's 1 s request timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(new Received(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now(), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private ConfigurableApplicationContext startSender() {
        JdbcConnectionDetails db = a.getBean(JdbcConnectionDetails.class);
        ElasticsearchConnectionDetails es = a.getBean(ElasticsearchConnectionDetails.class);
        String esUris = String.join(",", es.getNodes().stream()
                .map(n -> n.protocol().name().toLowerCase(Locale.ROOT) + "://" + n.hostname() + ":" + n.port()).toList());
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + db.getPassword(),
                "--spring.elasticsearch.uris=" + esUris,
                "--htx.search.index-prefix=" + a.getEnvironment().getRequiredProperty("htx.search.index-prefix"),
                "--htx.security.jwt-secret=" + a.getEnvironment().getRequiredProperty("htx.security.jwt-secret")));
        args.addAll(SENDER_SETTINGS);
        return new SpringApplicationBuilder(HtxConnectApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    record Endpoint(String id, String secret, String path) {
    }

    private Endpoint endpoint(String kind, List<String> types, String province) {
        String path = "/" + kind + "/" + TestData.unique("h");
        HttpGraphQlTester.Response r = admin.document("""
                mutation($i: CreateWebhookInput!) { createWebhook(input: $i) {
                  endpoint { id url enabled eventTypes filter { provinces } } secret errors { field code message } } }""")
                .variable("i", Map.of("organizationId", org, "url", base + path, "eventTypes", types,
                        "filter", Map.of("provinces", List.of(province))))
                .execute();
        r.path("createWebhook.errors").entityList(Object.class).hasSize(0);
        return new Endpoint(r.path("createWebhook.endpoint.id").entity(String.class).get(),
                r.path("createWebhook.secret").entity(String.class).get(), path);
    }

    private Endpoint endpointOf(String organizationId, String kind, List<String> types) {
        String path = "/" + kind + "/" + TestData.unique("h");
        Map<String, Object> input = new java.util.HashMap<>(Map.of("url", base + path, "eventTypes", types));
        if (organizationId != null) {
            input.put("organizationId", organizationId);
        }
        HttpGraphQlTester.Response r = admin.document("""
                mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { endpoint { id } secret errors { code } } }""")
                .variable("i", input).execute();
        r.path("createWebhook.errors").entityList(Object.class).hasSize(0);
        return new Endpoint(r.path("createWebhook.endpoint.id").entity(String.class).get(),
                r.path("createWebhook.secret").entity(String.class).get(), path);
    }

    private String product(String name, String province) {
        return TestData.createProduct(anonymous, org, TestData.unique(name), "COFFEE", Map.of("province", province));
    }

    private void rename(String product, String name) {
        admin.document("mutation($i: UpdateProductInput!) { updateProduct(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", product, "name", name)).execute()
                .path("updateProduct.errors").entityList(Object.class).hasSize(0);
    }

    /** What the receiver got on a path about an object, in arrival order. */
    private List<Received> about(Endpoint e, String objectId) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(e.path()) && data(r).path("id").asString().equals(objectId))
                    .toList();
        }
    }

    private JsonNode data(Received r) {
        return json.readTree(r.body()).path("data");
    }

    private String type(Received r) {
        return json.readTree(r.body()).path("type").asString();
    }

    /** Standard Webhooks verification written here from the specification, independent of the application's code. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, Object> delivery(String endpointId, String messageId) {
        List<Map<String, Object>> nodes = admin.document("""
                query($e: ID!) { webhookDeliveries(endpointId: $e, first: 100) { totalCount edges { node {
                  id messageId state attempt statusCode latencyMs nextAttemptAt eventType objectId error } } } }""")
                .variable("e", endpointId).execute().path("webhookDeliveries.edges[*].node").entityList(
                        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return nodes.stream().filter(n -> messageId.equals(n.get("messageId"))).findFirst().orElse(null);
    }

    Endpoint signed;
    String signedProduct;

    @Test
    @Order(1)
    void messagesAreSignedAndCarryThePublicViewOfTheObject() throws Exception {
        signed = endpoint("ok", List.of("PRODUCT_LISTED", "PRODUCT_CHANGED"), "Gia Lai");
        Endpoint elsewhere = endpoint("ok", List.of("PRODUCT_LISTED"), "Huế");
        Endpoint otherType = endpoint("ok", List.of("QUOTE_RECEIVED"), "Gia Lai");
        signedProduct = product("Cà phê ký ", "Gia Lai");
        await().atMost(Duration.ofSeconds(30)).until(() -> !about(signed, signedProduct).isEmpty());
        Received r = about(signed, signedProduct).getFirst();
        assertThat(r.id()).matches("msg_[0-9a-f]{32}");
        assertThat(r.signature()).isEqualTo(expectedSignature(signed.secret(), r.id(), r.timestamp(), r.body()));
        // A receiver rejects a message whose timestamp is far from its clock (replays): it is the send time.
        assertThat(Long.parseLong(r.timestamp())).isBetween(r.at().getEpochSecond() - 5, r.at().getEpochSecond() + 1);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("type").asString()).isEqualTo("product.listed");
        assertThat(body.path("id").asString()).startsWith("evt_");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        assertThat(body.path("data").path("categoryCode").asString()).isEqualTo("COFFEE");
        assertThat(body.path("data").path("name").asString()).startsWith("Cà phê ký ");
        assertThat(body.path("data").path("organizationId").asString()).isEqualTo(org);
        // Fields the public API does not show are not sent.
        assertThat(body.path("data").has("externalRef")).isFalse();
        assertThat(body.path("data").has("createdByUserId")).isFalse();
        // Province filter and event types: the other endpoints heard nothing of it.
        Thread.sleep(500);
        assertThat(about(elsewhere, signedProduct)).isEmpty();
        assertThat(about(otherType, signedProduct)).isEmpty();
        Map<String, Object> log = delivery(signed.id(), r.id());
        assertThat(log).containsEntry("state", "DELIVERED").containsEntry("attempt", 1).containsEntry("statusCode", 200)
                .containsEntry("eventType", "PRODUCT_LISTED").containsEntry("objectId", signedProduct)
                .containsEntry("nextAttemptAt", null);
        assertThat((Integer) log.get("latencyMs")).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(2)
    void aServerErrorIsRetriedAndDeliveredOnTheSecondAttemptWithAFreshTimestamp() throws Exception {
        Endpoint e = endpoint("fail-once", List.of("PRODUCT_LISTED"), "Đắk Lắk");
        String p = product("Tiêu ", "Đắk Lắk");
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, p).size() >= 2);
        List<Received> got = about(e, p);
        assertThat(got).extracting(Received::answered).containsExactly(500, 200);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(Long.parseLong(got.get(1).timestamp())).isGreaterThan(Long.parseLong(got.get(0).timestamp()));
        assertThat(got.get(1).signature()).isEqualTo(expectedSignature(e.secret(), got.get(1).id(), got.get(1).timestamp(),
                got.get(1).body()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(e.id(), got.get(0).id()))
                .containsEntry("state", "DELIVERED").containsEntry("attempt", 2).containsEntry("statusCode", 200));
    }

    @Test
    @Order(3)
    void aReceiverThatTimesOutIsRetried() {
        Endpoint e = endpoint("slow-once", List.of("PRODUCT_LISTED"), "Lâm Đồng");
        String p = product("Atisô ", "Lâm Đồng");
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, p).size() >= 2);
        List<Received> got = about(e, p);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(e.id(), got.get(0).id()))
                .containsEntry("state", "DELIVERED").containsEntry("attempt", 2));
    }

    @Test
    @Order(4)
    void changesOfOneObjectArriveInOrderEvenWhenTheFirstIsRetried() {
        Endpoint e = endpoint("fail-first", List.of("PRODUCT_LISTED", "PRODUCT_CHANGED"), "Cà Mau");
        String p = product("Tôm khô ", "Cà Mau");
        rename(p, "Tôm khô loại 1");
        rename(p, "Tôm khô loại 2");
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, p).stream().filter(r -> r.answered() == 200).count() >= 3);
        List<Received> got = about(e, p);
        // The listing failed once; the two changes waited for it instead of overtaking it.
        assertThat(got).extracting(Received::answered).containsExactly(500, 200, 200, 200);
        assertThat(got).extracting(this::type).containsExactly("product.listed", "product.listed", "product.changed",
                "product.changed");
        assertThat(got.get(2).body()).contains("Tôm khô loại 1");
        assertThat(got.get(3).body()).contains("Tôm khô loại 2");
        assertThat(data(got.get(3)).path("version").asLong()).isGreaterThan(data(got.get(2)).path("version").asLong());
    }

    @Test
    @Order(5)
    void aRedeliveryHasTheSameIdAndAFreshTimestamp() throws Exception {
        Received first = about(signed, signedProduct).getFirst();
        Map<String, Object> log = delivery(signed.id(), first.id());
        Thread.sleep(1_100); // the timestamp counts seconds
        admin.document("mutation($d: ID!) { redeliverWebhook(input: {deliveryId: $d}) { delivery { messageId state } errors { code } } }")
                .variable("d", log.get("id")).execute()
                .path("redeliverWebhook.errors").entityList(Object.class).hasSize(0)
                .path("redeliverWebhook.delivery.messageId").entity(String.class).isEqualTo(first.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> about(signed, signedProduct).size() >= 2);
        Received again = about(signed, signedProduct).get(1);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(Long.parseLong(again.timestamp())).isGreaterThan(Long.parseLong(first.timestamp()));
        assertThat(again.signature()).isEqualTo(expectedSignature(signed.secret(), again.id(), again.timestamp(), again.body()));
    }

    @Test
    @Order(6)
    void afterARotationMessagesAreSignedWithTheNewAndTheOldSecret() throws Exception {
        String rotated = admin.document("mutation($e: ID!) { rotateWebhookSecret(input: {id: $e}) { secret endpoint { previousSecretExpiresAt } errors { code } } }")
                .variable("e", signed.id()).execute().path("rotateWebhookSecret.secret").entity(String.class).get();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(signed.secret());
        rename(signedProduct, "Cà phê ký mới");
        await().atMost(Duration.ofSeconds(30)).until(() -> about(signed, signedProduct).stream().anyMatch(r -> type(r).equals("product.changed")));
        Received r = about(signed, signedProduct).stream().filter(x -> type(x).equals("product.changed")).findFirst().orElseThrow();
        assertThat(r.signature().split(" ")).containsExactlyInAnyOrder(
                expectedSignature(rotated, r.id(), r.timestamp(), r.body()),
                expectedSignature(signed.secret(), r.id(), r.timestamp(), r.body()));
    }

    @Test
    @Order(7)
    void anEndpointThatKeepsFailingIsDisabledAndItsOrganizationTold() {
        Endpoint e = endpoint("always-500", List.of("PRODUCT_LISTED"), "Sơn La");
        String p = product("Mận ", "Sơn La");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(admin.document(
                "query($e: ID!) { webhookEndpoint(id: $e) { enabled disabledAt failureStreak } }").variable("e", e.id()).execute()
                .path("webhookEndpoint.enabled").entity(Boolean.class).get()).isFalse());
        // Five attempts: the first and four retries.
        assertThat(about(e, p)).hasSize(5).extracting(Received::answered).containsOnly(500);
        long orgId = vn.htxconnect.platform.GlobalId.decode("id", org).id();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE organization_id = ? AND kind = 'WEBHOOK_DISABLED'",
                Integer.class, orgId)).isEqualTo(1);
        // Nothing more is sent while disabled.
        String later = product("Mận hậu ", "Sơn La");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(about(e, later)).isEmpty();
    }

    @Test
    @Order(8)
    void nothingIsLostWhenTheSenderStopsMidRetry() {
        Endpoint e = endpoint("restart", List.of("PRODUCT_LISTED"), "Điện Biên");
        String p = product("Chè Shan tuyết ", "Điện Biên");
        await().atMost(Duration.ofSeconds(30)).until(() -> !about(e, p).isEmpty());
        String messageId = about(e, p).getFirst().id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(e.id(), messageId))
                .containsEntry("state", "FAILED"));
        sender.close();
        sender = null;
        restartReceiverDown.set(false);
        int before = about(e, p).size();
        // No instance sends now: the retry waits in the database.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(about(e, p)).hasSize(before);
        assertThat(delivery(e.id(), messageId)).containsEntry("state", "FAILED");
        Instant restarted = Instant.now();
        sender = startSender();
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, p).stream().anyMatch(r -> r.answered() == 200));
        Received delivered = about(e, p).stream().filter(r -> r.answered() == 200).findFirst().orElseThrow();
        assertThat(delivered.id()).isEqualTo(messageId);
        assertThat(delivered.at()).isAfter(restarted);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(e.id(), messageId))
                .containsEntry("state", "DELIVERED"));
    }

    @Test
    @Order(9)
    void anEventForThePartiesReachesOnlyTheirEndpointsAndAPublicOneAlsoTheAdminOwned() {
        String buyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi webhook "), "RETAIL_CHAIN", "Huế");
        String stranger = TestData.createOrganization(anonymous, TestData.unique("HTX lạ "), "COOPERATIVE", "Huế");
        Endpoint supplierSide = endpointOf(org, "ok", List.of("QUOTE_RECEIVED", "TRADE_EVENT_PUBLISHED"));
        Endpoint buyerSide = endpointOf(buyer, "ok", List.of("QUOTE_RECEIVED", "TRADE_EVENT_PUBLISHED"));
        Endpoint strangerSide = endpointOf(stranger, "ok", List.of("QUOTE_RECEIVED", "TRADE_EVENT_PUBLISHED"));
        Endpoint partner = endpointOf(null, "ok", List.of("QUOTE_RECEIVED", "TRADE_EVENT_PUBLISHED"));
        String quote = vn.htxconnect.platform.GlobalId.encode("Quote", System.nanoTime() % 1_000_000_000L);
        String fair = vn.htxconnect.platform.GlobalId.encode("TradeEvent", System.nanoTime() % 1_000_000_000L);
        long buyerId = vn.htxconnect.platform.GlobalId.decode("id", buyer).id();
        long supplierId = vn.htxconnect.platform.GlobalId.decode("id", org).id();
        tx.executeWithoutResult(s -> {
            webhooks.publish(WebhookEvent.toParties(WebhookEventType.QUOTE_RECEIVED, quote, List.of(buyerId, supplierId),
                    Map.of("pricePerUnitVnd", 52_000)));
            webhooks.publish(WebhookEvent.publicEvent(WebhookEventType.TRADE_EVENT_PUBLISHED, fair, Map.of("name", "Hội chợ")));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !about(supplierSide, quote).isEmpty() && !about(buyerSide, quote).isEmpty()
                && !about(strangerSide, fair).isEmpty() && !about(partner, fair).isEmpty());
        assertThat(data(about(buyerSide, quote).getFirst()).path("pricePerUnitVnd").asLong()).isEqualTo(52_000);
        assertThat(about(supplierSide, fair)).hasSize(1);
        assertThat(about(buyerSide, fair)).hasSize(1);
        // Public events reach every subscriber; a quote only its two parties.
        assertThat(about(strangerSide, quote)).isEmpty();
        assertThat(about(partner, quote)).isEmpty();
        // Admin-owned endpoints are listed without an organization, for admins.
        assertThat(admin.document("{ webhookEndpoints { id organizationId } }").execute()
                .path("webhookEndpoints[*].id").entityList(String.class).get()).contains(partner.id());
    }

    @Test
    @Order(10)
    void twoSendingInstancesSendEachMessageOnce() {
        Endpoint e = endpointOf(org, "ok", List.of("TRADE_EVENT_PUBLISHED"));
        ConfigurableApplicationContext second = startSender();
        try {
            List<String> objects = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                objects.add(vn.htxconnect.platform.GlobalId.encode("TradeEvent", 2_000_000_000L + System.nanoTime() % 1_000_000_000L + i));
            }
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> objects.forEach(o -> webhooks.publish(WebhookEvent.publicEvent(
                    WebhookEventType.TRADE_EVENT_PUBLISHED, o, Map.of("name", "Hội chợ " + o)))));
            await().atMost(Duration.ofSeconds(60)).until(() -> objects.stream().allMatch(o -> !about(e, o).isEmpty()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> ids;
            synchronized (received) {
                ids = received.stream().filter(r -> r.path().equals(e.path())).map(Received::id).toList();
            }
            assertThat(ids).hasSize(200).doesNotHaveDuplicates();
            System.out.printf("Webhooks: 200 events published in one transaction reached the receiver through two sending"
                    + " instances in %d ms%n", millis);
        } finally {
            second.close();
        }
    }

    @Test
    @Order(11)
    void importedProductsAreAnnouncedLikeThoseWrittenOneByOne() throws Exception {
        Endpoint e = endpointOf(org, "ok", List.of("PRODUCT_LISTED", "PRODUCT_CHANGED"));
        String ref = TestData.unique("IMP-");
        String name = "Hồ tiêu nhập " + ref;
        String second = "Cà phê nhập " + ref;
        String csv = "external_ref,name,category,description,unit,price_min_vnd,price_max_vnd,min_order_qty,"
                + "monthly_capacity,available_months,certifications,ocop_stars,province,lat,lon,image_urls\n"
                + ref + "," + name + ",COFFEE,,kg,,,,,,,,,,,\n"
                + ref + "-2," + second + ",COFFEE,,kg,,,,,,,,,,,\n";
        admin.document("""
                mutation($i: ImportProductsInput!) { importProducts(input: $i) { productImport { id } errors { code message } } }""")
                .variable("i", Map.of("organizationId", org, "csv", csv)).execute()
                .path("importProducts.errors").entityList(Object.class).hasSize(0);
        // Both rows of the import's batch are announced, each as its own message.
        await().atMost(Duration.ofSeconds(60)).until(() -> imported(e, name) != null && imported(e, second) != null);
        assertThat(imported(e, second).id()).isNotEqualTo(imported(e, name).id());
        Received r = imported(e, name);
        assertThat(type(r)).isEqualTo("product.listed");
        assertThat(r.signature()).isEqualTo(expectedSignature(e.secret(), r.id(), r.timestamp(), r.body()));
        assertThat(data(r).path("categoryCode").asString()).isEqualTo("COFFEE");
    }

    @Test
    @Order(12)
    void productsMovedByAMergerAreAnnouncedWithTheirNewOrganization() {
        Endpoint e = endpointOf(null, "ok", List.of("PRODUCT_CHANGED"));
        String merged = NotificationSupport.register(anonymous, "COOPERATIVE", "HTX Sáp Nhập ").org();
        String target = NotificationSupport.register(anonymous, "COOPERATIVE", "HTX Tiếp Nhận ").org();
        String product = TestData.createProduct(anonymous, merged, TestData.unique("Mật ong rừng "), "HONEY", Map.of());
        admin.document("""
                mutation($i: RecordCooperativeDecisionInput!) { recordCooperativeDecision(input: $i) {
                  productsMoved errors { field code message } } }""")
                .variable("i", Map.of("organizationId", merged, "kind", "MERGED", "mergedIntoOrganizationId", target))
                .execute()
                .path("recordCooperativeDecision.errors").entityList(Object.class).hasSize(0)
                .path("recordCooperativeDecision.productsMoved").entity(Integer.class).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, product).stream()
                .anyMatch(r -> data(r).path("organizationId").asString().equals(target)));
        Received r = about(e, product).getLast();
        assertThat(type(r)).isEqualTo("product.changed");
    }

    @Test
    @Order(13)
    void aSourcingRequestIsSentAsSuppliersSeeItAndOnceItStopsTakingOffersOnlyItsStatus() {
        Endpoint e = endpointOf(null, "ok", List.of("SOURCING_REQUEST_POSTED", "SOURCING_REQUEST_CHANGED"));
        NotificationSupport.Registered buyer = NotificationSupport.register(anonymous, "RETAIL_CHAIN", "Chuỗi Kín ");
        HttpGraphQlTester asBuyer = buyer.as(anonymous);
        String request = NotificationSupport.createRequest(asBuyer, buyer.org(), TestData.unique("Cần cà phê "), "COFFEE");
        asBuyer.document("mutation($i: UpdateSourcingRequestInput!) { updateSourcingRequest(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", request, "confidentialFields", List.of("BUYER", "QUANTITY")))
                .execute().path("updateSourcingRequest.errors").entityList(Object.class).hasSize(0);
        asBuyer.document("mutation($i: SourcingRequestStatusInput!) { pauseSourcingRequest(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", request)).execute()
                .path("pauseSourcingRequest.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> about(e, request).size() >= 3);
        List<Received> got = about(e, request);
        assertThat(got).extracting(this::type).containsExactly("sourcing_request.posted", "sourcing_request.changed",
                "sourcing_request.changed");
        assertThat(data(got.get(0)).path("buyerOrganizationId").asString()).isEqualTo(buyer.org());
        // Hidden from suppliers once the buyer marks them confidential, as in the API.
        assertThat(data(got.get(1)).path("buyerOrganizationId").isNull()).isTrue();
        assertThat(data(got.get(1)).path("quantity").isNull()).isTrue();
        assertThat(data(got.get(1)).path("title").asString()).startsWith("Cần cà phê ");
        // Paused: suppliers no longer see it, so partners hear its status and nothing else.
        assertThat(data(got.get(2)).path("status").asString()).isEqualTo("PAUSED");
        assertThat(data(got.get(2)).has("title")).isFalse();
        assertThat(data(got.get(2)).has("quantity")).isFalse();
    }

    private Received imported(Endpoint e, String name) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(e.path()) && data(r).path("name").asString().equals(name))
                    .findFirst().orElse(null);
        }
    }
}
