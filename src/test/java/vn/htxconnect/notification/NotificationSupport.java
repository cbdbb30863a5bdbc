package vn.htxconnect.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.TestData;

/** Organizations, requests and products for notification tests, made through the API. */
public final class NotificationSupport {

    public static final String LIST = """
            query($o: ID!, $u: Boolean, $n: Int, $a: String) {
              notifications(organizationId: $o, unreadOnly: $u, first: $n, after: $a) {
                totalCount unreadCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id kind title message subjectId createdAt readAt read } } } }""";
    public static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private NotificationSupport() {
    }

    /** A newly registered organization, its owner's token and its name. */
    public record Registered(String org, String token, String name) {
        public HttpGraphQlTester as(HttpGraphQlTester anonymous) {
            return TestData.bearer(anonymous, token);
        }
    }

    public static Registered register(HttpGraphQlTester anonymous, String kind, String namePrefix) {
        String name = TestData.unique(namePrefix);
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", name, "province", "Hà Nội"),
                        "owner", Map.of("email", TestData.unique("n") + "@htx.vn", "name", "Chủ", "password", "mat-khau-du-dai")))
                .execute();
        return new Registered(r.path("registerOrganization.organization.id").entity(String.class).get(),
                r.path("registerOrganization.token").entity(String.class).get(), name);
    }

    /** An open request of the buyer for a category, delivered to Hà Nội within the next months. */
    public static String createRequest(HttpGraphQlTester buyer, String buyerOrg, String title, String category) {
        Map<String, Object> in = new HashMap<>();
        in.put("buyerOrganizationId", buyerOrg);
        in.put("title", title);
        in.put("category", category);
        in.put("quantity", 5);
        in.put("unit", "tấn");
        in.put("frequency", "MONTHLY");
        in.put("deliveryProvince", "Hà Nội");
        in.put("windowFrom", LocalDate.now().plusDays(10).toString());
        in.put("windowTo", LocalDate.now().plusDays(100).toString());
        return buyer.document("""
                mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
                  sourcingRequest { id } errors { field code message } } }""")
                .variable("i", in).execute()
                .path("createSourcingRequest.errors").entityList(Object.class).hasSize(0)
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
    }

    /** A product near Hà Nội with the capacity for most of a 5-tonne monthly request. */
    public static String createProduct(HttpGraphQlTester owner, String org, String name, String category) {
        Map<String, Object> in = new HashMap<>();
        in.put("organizationId", org);
        in.put("name", name);
        in.put("category", category);
        in.put("unit", "kg");
        in.put("monthlyCapacity", 4000);
        in.put("lat", 20.65);
        in.put("lon", 106.05);
        in.put("certifications", List.of(Map.of("scheme", "VIETGAP", "number", TestData.unique("VG-"),
                "validTo", LocalDate.now().plusYears(2).toString())));
        return owner.document("""
                mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { field code message } } }""")
                .variable("i", in).execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product.id").entity(String.class).get();
    }

    public static List<Map<String, Object>> notifications(HttpGraphQlTester reader, String org) {
        return reader.document(LIST).variable("o", org).variable("n", 100).execute()
                .path("notifications.edges[*].node").entityList(MAP).get();
    }
}
