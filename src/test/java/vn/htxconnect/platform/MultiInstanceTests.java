package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

import vn.htxconnect.HtxConnectApplication;
import vn.htxconnect.notification.NotificationSupport;
import vn.htxconnect.notification.NotificationSupport.Registered;
import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Two instances of the application (A: this test's context, B: started here with the same settings) on one
 * database and one index, as behind a load balancer: a caller's budget is one for both, sign-in throttling
 * counts failures made on either, a token issued by one is accepted by the other, each outbox row is handled by
 * exactly one of them, and a subscriber on B hears of a match caused by writes on A.
 */
@IntegrationTest
@Import(MultiInstanceTests.Recorder.class)
@TestPropertySource(properties = {
        MultiInstanceTests.BUDGET, MultiInstanceTests.REFILL, MultiInstanceTests.MAX_COST, MultiInstanceTests.BATCH,
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}multi-",
        "spring.datasource.url=" + DedicatedDatabase.URL + "multi" + DedicatedDatabase.OPTIONS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceTests {

    static final String BUDGET = "htx.limits.budget=1000";
    static final String REFILL = "htx.limits.refill-per-second=1";
    static final String MAX_COST = "htx.limits.max-cost=500";
    /** Small outbox batches, so both instances' pollers find work while the other holds some. */
    static final String BATCH = "htx.outbox.batch-size=10";
    static final String TEST_TYPE = "multi-instance-test";

    @Autowired
    ConfigurableApplicationContext a;
    @Autowired
    HttpGraphQlTester onA;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    ConfigurableApplicationContext b;
    HttpGraphQlTester onB;

    @BeforeAll
    void startSecondInstance() throws Exception {
        DedicatedDatabase.emptyOnce(a);
        Environment env = a.getEnvironment();
        // B connects where A does (local services or Testcontainers alike), with the same secret and settings.
        JdbcConnectionDetails db = a.getBean(JdbcConnectionDetails.class);
        ElasticsearchConnectionDetails es = a.getBean(ElasticsearchConnectionDetails.class);
        // B is given each node twice, under two names (HTX_ES_URIS is a comma list: a cluster's nodes).
        String esUris = String.join(",", es.getNodes().stream().flatMap(n -> {
            String scheme = n.protocol().name().toLowerCase(Locale.ROOT) + "://";
            String other = "localhost".equals(n.hostname()) ? "127.0.0.1" : "localhost";
            return java.util.stream.Stream.of(scheme + n.hostname() + ":" + n.port(), scheme + other + ":" + n.port());
        }).toList());
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + db.getPassword(),
                "--spring.elasticsearch.uris=" + esUris,
                "--htx.search.index-prefix=" + env.getRequiredProperty("htx.search.index-prefix"),
                "--htx.security.jwt-secret=" + env.getRequiredProperty("htx.security.jwt-secret"),
                "--" + BUDGET, "--" + REFILL, "--" + MAX_COST, "--" + BATCH));
        b = new SpringApplicationBuilder(HtxConnectApplication.class, Recorder.class).profiles("test")
                .run(args.toArray(String[]::new));
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + b.getEnvironment().getProperty("local.server.port") + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).build();
        onB = HttpGraphQlTester.builder(client.mutate()).responseTimeout(Duration.ofSeconds(60)).build();
        assertThat(b.getBean(ElasticsearchConnectionDetails.class).getNodes()).hasSize(2 * es.getNodes().size());
    }

    @AfterAll
    void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aCallerHasOneBudgetAndATokenFromOneInstanceWorksOnTheOther() {
        Registered user = NotificationSupport.register(onA, "COOPERATIVE", "HTX Hai máy ");
        HttpGraphQlTester spenderOnA = user.as(onA);
        HttpGraphQlTester spenderOnB = user.as(onB);
        // Issued by A, accepted by B.
        spenderOnB.document("{ me { memberships { organization { id } } } }").execute()
                .path("me.memberships[0].organization.id").entity(String.class).isEqualTo(user.org());

        // Each asks 101 points and keeps what it returned (every category); spent on A until A refuses.
        String query = "{ searchProducts(first: 100) { totalCount } categories { code } }";
        int granted = 0;
        Map<String, Object> refusedOnA = null;
        for (int i = 0; i < 40 && refusedOnA == null; i++) {
            List<ResponseError> errors = spenderOnA.document(query).execute().returnResponse().getErrors();
            if (errors.isEmpty()) {
                granted++;
            } else {
                refusedOnA = errors.getFirst().getExtensions();
            }
        }
        assertThat(granted).as("a budget of 1000 holds several").isGreaterThanOrEqualTo(5);
        assertThat(refusedOnA).containsEntry("code", "RATE_LIMITED");
        // B has never served this caller: with budgets of its own it would grant the query.
        List<ResponseError> onBErrors = spenderOnB.document(query).execute().returnResponse().getErrors();
        assertThat(onBErrors).extracting(e -> e.getExtensions().get("code")).containsExactly("RATE_LIMITED");
        // Another caller on B is not touched by it.
        Registered other = NotificationSupport.register(onB, "COOPERATIVE", "HTX Khác ");
        assertThat(other.as(onB).document(query).execute().returnResponse().getErrors()).isEmpty();
    }

    @Test
    void signInFailuresOnEitherInstanceCountTogether() {
        String email = TestData.unique("multi") + "@htx.vn";
        onA.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { errors { code } } }""")
                .variable("i", Map.of("organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX Đăng nhập "),
                        "province", "Hà Nội"), "owner", Map.of("email", email, "name", "Chủ", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.errors").entityList(Object.class).hasSize(0);
        String login = "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token errors { code } } }";
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? onA : onB).document(login).variable("e", email).variable("p", "sai-mat-khau").execute()
                    .path("login.errors[0].code").entity(String.class).isEqualTo("INVALID");
        }
        // Five failures (three on A, two on B) are the account's limit, on both.
        for (HttpGraphQlTester instance : List.of(onA, onB)) {
            assertThat(instance.document(login).variable("e", email).variable("p", "mat-khau-du-dai").execute()
                    .returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("RATE_LIMITED");
        }

        // Once older than the window, the failures no longer count and the cleanup (either instance's) deletes
        // them; a recent failure of someone else stays.
        String other = TestData.unique("other") + "@htx.vn";
        onB.document(login).variable("e", other).variable("p", "sai-mat-khau").execute()
                .path("login.errors[0].code").entity(String.class).isEqualTo("INVALID");
        jdbc.update("UPDATE login_failure SET failed_at = failed_at - INTERVAL 16 MINUTE WHERE email = ?", email);
        ReflectionTestUtils.invokeMethod(b.getBean(classNamed("vn.htxconnect.account.internal.LoginFailureCleanup")),
                "removeExpired");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE email = ?", Integer.class, email)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE email = ?", Integer.class, other)).isOne();
        onA.document(login).variable("e", email).variable("p", "mat-khau-du-dai").execute()
                .path("login.token").entity(String.class).satisfies(t -> assertThat(t).isNotBlank());
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachOutboxRowIsHandledByExactlyOneInstance() {
        Recorder.HANDLED.clear();
        Recorder.BY_INSTANCE.clear();
        Outbox outboxA = a.getBean(Outbox.class);
        Outbox outboxB = b.getBean(Outbox.class);
        TransactionTemplate txB = b.getBean(TransactionTemplate.class);
        // Written on both, in several transactions, so both instances are woken and both pollers find rows.
        for (int i = 0; i < 10; i++) {
            List<Long> ids = LongStream.range(i * 30L, i * 30L + 30).boxed().toList();
            if (i % 2 == 0) {
                tx.executeWithoutResult(s -> outboxA.enqueueAll(TEST_TYPE, ids, "created"));
            } else {
                txB.executeWithoutResult(s -> outboxB.enqueueAll(TEST_TYPE, ids, "created"));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE aggregate_type = ?", Integer.class, TEST_TYPE) == 0);
        assertThat(Recorder.HANDLED).hasSize(300);
        assertThat(Recorder.HANDLED.values()).extracting(AtomicInteger::get).containsOnly(1);
        Map<String, Long> byInstance = Recorder.BY_INSTANCE;
        System.out.println("Outbox rows handled per instance: " + byInstance);
        assertThat(byInstance.keySet()).as("both instances took part").hasSize(2);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aSubscriberOnOneInstanceHearsOfWhatHappensOnTheOther() throws Exception {
        String tag = TestData.unique("mi");
        Registered buyer = NotificationSupport.register(onA, "RETAIL_CHAIN", "Chuỗi ");
        Registered coop = NotificationSupport.register(onA, "COOPERATIVE", "HTX Vải ");
        String request = NotificationSupport.createRequest(buyer.as(onA), buyer.org(), "Vải thiều " + tag, "FRUIT_LYCHEE_LONGAN");
        WebSocketGraphQlTester buyerOnB = WebSocketGraphQlTester.builder("ws://localhost:"
                        + b.getEnvironment().getProperty("local.server.port") + "/graphql-ws", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + buyer.token()));
                    }
                })
                .responseTimeout(Duration.ofSeconds(30)).build();
        try {
            CompletableFuture<List<Map>> received = buyerOnB.document("""
                            subscription($o: ID!) { notificationAdded(organizationId: $o) { kind subjectId } }""")
                    .variable("o", buyer.org()).executeSubscription().toFlux("notificationAdded", Map.class)
                    .take(1).collectList().toFuture();
            Object feedOnB = b.getBean(classNamed("vn.htxconnect.notification.internal.NotificationFeed"));
            long buyerId = GlobalId.decode("id", buyer.org()).id();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    (Integer) ReflectionTestUtils.invokeMethod(feedOnB, "subscribers", buyerId) == 1);
            // The product is listed on A; discovery runs from the outbox on either; B's feed finds the row.
            NotificationSupport.createProduct(coop.as(onA), coop.org(), "Vải thiều Lục Ngạn " + tag, "FRUIT_LYCHEE_LONGAN");
            List<Map> events = received.get(60, TimeUnit.SECONDS);
            assertThat(events).hasSize(1);
            assertThat(events.getFirst()).containsEntry("kind", "MATCH_FOR_REQUEST").containsEntry("subjectId", request);
        } finally {
            buyerOnB.stop().block(Duration.ofSeconds(10));
        }
    }

    /** An outbox handler in both instances that counts, across them, how often each row was handled and where. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {

        static final Map<Long, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
        static final Map<String, Long> BY_INSTANCE = new ConcurrentHashMap<>();

        @Bean
        OutboxHandler multiInstanceRecorder(Environment env) {
            return new OutboxHandler() {
                @Override
                public Set<String> aggregateTypes() {
                    return Set.of(TEST_TYPE);
                }

                @Override
                public Collection<OutboxEvent> handle(OutboxBatch batch) {
                    String instance = env.getProperty("local.server.port", "?");
                    for (OutboxEvent e : batch.events()) {
                        if (TEST_TYPE.equals(e.aggregateType())) {
                            HANDLED.computeIfAbsent(e.aggregateId(), k -> new AtomicInteger()).incrementAndGet();
                            BY_INSTANCE.merge(instance, 1L, Long::sum);
                        }
                    }
                    try {
                        // A batch takes a moment (as a bulk request would), holding its rows meanwhile.
                        Thread.sleep(20);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }
            };
        }
    }
}
