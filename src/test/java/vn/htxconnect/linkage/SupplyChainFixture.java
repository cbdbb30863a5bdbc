package vn.htxconnect.linkage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.TestData;

/**
 * A coffee chain through the public API: a cooperative supplies a processor, the processor supplies a
 * retail chain; each party with its own signed-in owner. Helpers record events and read errors.
 */
final class SupplyChainFixture {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    static final String EVENT_FIELDS = """
            event { id kind quantity unit lotNumber occurredAt superseded recordedBy { id }
                    corrects { id } correctedBy { id } inputs { lotNumber quantity unit } outputs { lotNumber quantity unit product { id } } }
            linkage { id deliveredQuantity lastEventAt flags version }
            errors { field code message }""";

    record Party(String organizationId, HttpGraphQlTester as) {
    }

    final HttpGraphQlTester anonymous;
    final Party coop;
    final Party processor;
    final Party chain;
    /** Cooperative → processor, 5 tấn of coffee cherries a month. */
    final String upstream;
    /** Processor → retail chain, 500 kg of roasted coffee a month. */
    final String downstream;

    SupplyChainFixture(HttpGraphQlTester anonymous) {
        this.anonymous = anonymous;
        coop = register(anonymous, "COOPERATIVE", "HTX Cà phê ", "Đắk Lắk");
        processor = register(anonymous, "PROCESSOR", "Xưởng rang ", "Lâm Đồng");
        chain = register(anonymous, "RETAIL_CHAIN", "Chuỗi cà phê ", "Hồ Chí Minh");
        upstream = activeLinkage(coop, processor, 5, "tấn");
        downstream = activeLinkage(processor, chain, 500, "kg");
    }

    static Party register(HttpGraphQlTester anonymous, String kind, String prefix, String province) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique(prefix), "province", province),
                        "owner", Map.of("email", TestData.unique("se") + "@chuoi.vn", "name", "Chủ " + prefix, "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    /** Proposed by the supplier, confirmed by the customer. */
    String activeLinkage(Party supplier, Party customer, double volume, String unit) {
        String id = supplier.as().document("""
                        mutation($i: ProposeSupplyLinkageInput!) { proposeSupplyLinkage(input: $i) { linkage { id } errors { message } } }""")
                .variable("i", Map.of("supplierOrganizationId", supplier.organizationId(), "customerOrganizationId",
                        customer.organizationId(), "category", "COFFEE", "volumePerPeriod", volume, "unit", unit, "period", "MONTHLY"))
                .execute().path("proposeSupplyLinkage.errors").entityList(Object.class).hasSize(0)
                .path("proposeSupplyLinkage.linkage.id").entity(String.class).get();
        customer.as().document("""
                        mutation($i: SupplyLinkageActionInput!) { confirmSupplyLinkage(input: $i) { errors { message } } }""")
                .variable("i", Map.of("id", id)).execute().path("confirmSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        return id;
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(VN).minusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> movement(String linkageId, double quantity, String unit, String lot, String occurredAt) {
        Map<String, Object> in = new HashMap<>();
        in.put("linkageId", linkageId);
        in.put("quantity", quantity);
        in.put("unit", unit);
        in.put("lotNumber", lot);
        in.put("occurredAt", occurredAt);
        return in;
    }

    static Map<String, Object> lot(String lot, double quantity, String unit) {
        return Map.of("lotNumber", lot, "quantity", quantity, "unit", unit);
    }

    static Map<String, Object> transformation(String organizationId, List<Map<String, Object>> inputs,
                                              List<Map<String, Object>> outputs, String occurredAt) {
        Map<String, Object> in = new HashMap<>();
        in.put("organizationId", organizationId);
        in.put("inputs", inputs);
        in.put("outputs", outputs);
        in.put("occurredAt", occurredAt);
        return in;
    }

    /** Runs a supply event mutation ({@code recordShipment}, …) and returns its response. */
    static HttpGraphQlTester.Response mutate(HttpGraphQlTester as, String mutation, Map<String, Object> input) {
        String type = switch (mutation) {
            case "recordShipment" -> "RecordShipmentInput";
            case "recordReceipt" -> "RecordReceiptInput";
            case "recordTransformation" -> "RecordTransformationInput";
            default -> "CorrectSupplyEventInput";
        };
        return as.document("mutation($i: %s!) { %s(input: $i) { %s } }".formatted(type, mutation, EVENT_FIELDS))
                .variable("i", input).execute();
    }

    /** Runs a mutation that must succeed and returns the payload. */
    static Map<String, Object> ok(HttpGraphQlTester as, String mutation, Map<String, Object> input) {
        HttpGraphQlTester.Response r = mutate(as, mutation, input);
        r.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        return r.path(mutation).entity(MAP).get();
    }

    /** The payload errors of a refused mutation (none may be top-level). */
    static List<Map<String, Object>> refused(HttpGraphQlTester as, String mutation, Map<String, Object> input) {
        HttpGraphQlTester.Response r = mutate(as, mutation, input);
        r.path(mutation + ".event").valueIsNull();
        return r.path(mutation + ".errors").entityList(MAP).get();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> payload, String path) {
        Object value = payload;
        for (String key : path.split("\\.")) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }
}
