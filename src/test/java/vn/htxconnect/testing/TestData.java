package vn.htxconnect.testing;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Small builders for test data through the public GraphQL API (the way clients create it). */
public final class TestData {

    private static final java.util.Random RANDOM = new java.util.Random();

    public static final String ADMIN_EMAIL = "admin@test.htxconnect.vn";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Map<String, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<HttpGraphQlTester, Boolean> ADMIN_TESTERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private TestData() {
    }

    /** The same tester, signed in as the admin the test profile creates at start (token cached per server). */
    public static HttpGraphQlTester asAdmin(HttpGraphQlTester graphQl) {
        if (ADMIN_TESTERS.containsKey(graphQl)) {
            return graphQl;
        }
        HttpGraphQlTester admin = bearer(graphQl, adminToken(graphQl));
        ADMIN_TESTERS.put(admin, Boolean.TRUE);
        return admin;
    }

    /** A bearer token of the test admin (cached per tester). */
    public static String adminToken(HttpGraphQlTester graphQl) {
        String key = String.valueOf(System.identityHashCode(graphQl));
        return ADMIN_TOKENS.computeIfAbsent(key, k -> login(graphQl, ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    public static HttpGraphQlTester bearer(HttpGraphQlTester graphQl, String token) {
        return graphQl.mutate().header("Authorization", "Bearer " + token).build();
    }

    public static String login(HttpGraphQlTester graphQl, String email, String password) {
        return graphQl.document("mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token errors { message } } }")
                .variable("e", email).variable("p", password).execute()
                .path("login.token").entity(String.class).get();
    }

    /**
     * A token unique within the run, to keep tests apart in a shared database and index. Random
     * letters, not a counter: neighbouring numbers are within typo distance of each other.
     */
    public static String unique(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('z');
        for (int i = 0; i < 9; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    public static String createOrganization(HttpGraphQlTester graphQl, String name, String kind, String province) {
        return asAdmin(graphQl).document("""
                mutation($input: CreateOrganizationInput!) {
                  createOrganization(input: $input) { organization { id } errors { field code message } }
                }""")
                .variable("input", Map.of("name", name, "kind", kind, "province", province))
                .execute()
                .path("createOrganization.errors").entityList(Object.class).hasSize(0)
                .path("createOrganization.organization.id").entity(String.class).get();
    }

    public static String createProduct(HttpGraphQlTester graphQl, String organizationId, String name, String category,
                                       Map<String, Object> extra) {
        java.util.Map<String, Object> input = new java.util.HashMap<>(extra);
        input.put("organizationId", organizationId);
        input.put("name", name);
        input.put("category", category);
        input.putIfAbsent("unit", "kg");
        return asAdmin(graphQl).document("""
                mutation($input: CreateProductInput!) {
                  createProduct(input: $input) { product { id } errors { field code message } }
                }""")
                .variable("input", input)
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product.id").entity(String.class).get();
    }

    /** Waits until the indexer has drained the outbox, so its statements do not mix with a measured request. */
    public static void awaitOutboxDrained(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class) == 0);
    }

    public static List<String> searchNames(HttpGraphQlTester graphQl, String query, Map<String, Object> filter) {
        return graphQl.document("""
                query($q: String, $f: ProductFilter) {
                  searchProducts(query: $q, filter: $f, first: 100) { edges { node { name } } }
                }""")
                .variable("q", query).variable("f", filter)
                .execute()
                .path("searchProducts.edges[*].node.name").entityList(String.class).get();
    }

    /**
     * The names {@link #searchNames} finds that carry {@code tag}, in rank order, after checking that they
     * rank above every other result: search fills a page with lower tiers (products sharing only the head
     * word, from other tests and runs), and a test asks which of its own products are found, and first.
     */
    public static List<String> searchTagged(HttpGraphQlTester graphQl, String query, String tag, Map<String, Object> filter) {
        List<String> all = searchNames(graphQl, query, filter);
        List<String> tagged = all.stream().filter(n -> n.contains(tag)).toList();
        org.assertj.core.api.Assertions.assertThat(all.subList(0, tagged.size())).as("products of %s rank first", tag)
                .containsExactlyElementsOf(tagged);
        return tagged;
    }

    /** Starts an inquiry as the admin acting for {@code buyerOrganizationId}; returns the conversation ID. */
    public static String startInquiry(HttpGraphQlTester graphQl, String buyerOrganizationId, String supplierId) {
        return asAdmin(graphQl).document("""
                mutation($i: StartInquiryInput!) { startInquiry(input: $i) { conversation { id } errors { field code message } } }""")
                .variable("i", Map.of("buyerOrganizationId", buyerOrganizationId, "supplierId", supplierId,
                        "subject", "Hỏi giá", "message", "Xin báo giá"))
                .execute()
                .path("startInquiry.errors").entityList(Object.class).hasSize(0)
                .path("startInquiry.conversation.id").entity(String.class).get();
    }
}
