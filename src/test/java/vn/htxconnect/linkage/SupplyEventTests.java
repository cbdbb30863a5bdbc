package vn.htxconnect.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.linkage.SupplyChainFixture.at;
import static vn.htxconnect.linkage.SupplyChainFixture.daysAgo;
import static vn.htxconnect.linkage.SupplyChainFixture.lot;
import static vn.htxconnect.linkage.SupplyChainFixture.movement;
import static vn.htxconnect.linkage.SupplyChainFixture.ok;
import static vn.htxconnect.linkage.SupplyChainFixture.refused;
import static vn.htxconnect.linkage.SupplyChainFixture.transformation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/**
 * Supply events on a coffee chain: delivered quantity and last activity follow receipts (tấn and kg),
 * flags clear, corrections supersede without editing, refusals write nothing, who sees events, no N+1.
 */
@IntegrationTest
class SupplyEventTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    List<vn.htxconnect.organization.ActivitySource> activitySources;

    SupplyChainFixture f;

    @BeforeEach
    void chain() {
        f = new SupplyChainFixture(anonymous);
    }

    private long dbId(String globalId) {
        return GlobalId.decode("id", globalId).id();
    }

    private String flagsOf(String linkage) {
        return f.coop.as().document("query($id: ID!) { supplyLinkage(id: $id) { flags } }").variable("id", linkage).execute()
                .path("supplyLinkage.flags").entityList(String.class).get().toString();
    }

    @Test
    void receiptsInKgCountTowardsATanLinkageAndClearTheUnderDeliveringFlag() {
        // Active for 100 days with nothing received: three monthly volumes of 5 tấn due, both flags raised.
        jdbc.update("UPDATE supply_linkage SET activated_at = activated_at - INTERVAL 100 DAY, start_date = start_date - INTERVAL 100 DAY WHERE id = ?",
                dbId(f.upstream));
        assertThat(flagsOf(f.upstream)).contains("NO_RECENT_EVENTS", "UNDER_DELIVERING");

        String shippedAt = daysAgo(3);
        Map<String, Object> shipped = ok(f.coop.as(), "recordShipment", movement(f.upstream, 3, "tấn", "C1", shippedAt));
        assertThat(at(shipped, "event.kind").toString()).isEqualTo("SHIPPED");
        assertThat(at(shipped, "event.recordedBy.id").toString()).isEqualTo(f.coop.organizationId());
        // Shipments do not count as delivered; the offset the cooperative sent is kept.
        assertThat(((Number) at(shipped, "linkage.deliveredQuantity")).doubleValue()).isZero();
        OffsetDateTime occurred = OffsetDateTime.parse(at(shipped, "event.occurredAt"));
        assertThat(occurred.getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(occurred.isEqual(OffsetDateTime.parse(shippedAt))).isTrue();
        assertThat(OffsetDateTime.parse(at(shipped, "linkage.lastEventAt")).isEqual(occurred)).isTrue();

        Map<String, Object> received = ok(f.processor.as(), "recordReceipt", movement(f.upstream, 3000, "kg", "C1", daysAgo(2)));
        assertThat(((Number) at(received, "linkage.deliveredQuantity")).doubleValue()).isEqualTo(3.0);
        assertThat(SupplyChainFixture.<List<String>>at(received, "linkage.flags")).containsExactly("UNDER_DELIVERING");

        // 3 + 4.6 = 7.6 tấn of 15 due is more than half.
        Map<String, Object> more = ok(f.processor.as(), "recordReceipt", movement(f.upstream, 46, "tạ", "C2", daysAgo(1)));
        assertThat(((Number) at(more, "linkage.deliveredQuantity")).doubleValue()).isEqualTo(7.6);
        assertThat(SupplyChainFixture.<List<String>>at(more, "linkage.flags")).isEmpty();
        assertThat(flagsOf(f.upstream)).isEqualTo("[]");
        assertThat(jdbc.queryForObject("SELECT delivered_quantity FROM supply_linkage WHERE id = ?", Double.class,
                dbId(f.upstream))).isEqualTo(7.6);
    }

    @Test
    void aCorrectionSupersedesTheEventItCorrectsWhichIsKept() {
        Map<String, Object> first = ok(f.processor.as(), "recordReceipt", movement(f.upstream, 2, "tấn", "C9", daysAgo(5)));
        String original = at(first, "event.id");
        int versionBefore = ((Number) at(first, "linkage.version")).intValue();

        Map<String, Object> fix = new HashMap<>(Map.of("eventId", original, "quantity", 1.5, "note", "Cân lại tại kho"));
        Map<String, Object> corrected = ok(f.processor.as(), "correctSupplyEvent", fix);
        String correction = at(corrected, "event.id");
        assertThat(at(corrected, "event.kind").toString()).isEqualTo("RECEIVED");
        assertThat(at(corrected, "event.corrects.id").toString()).isEqualTo(original);
        assertThat(at(corrected, "event.lotNumber").toString()).isEqualTo("C9");
        assertThat(((Number) at(corrected, "linkage.deliveredQuantity")).doubleValue()).isEqualTo(1.5);
        assertThat(((Number) at(corrected, "linkage.version")).intValue()).isGreaterThan(versionBefore);

        // The original stays as it was, marked superseded; correcting it again is refused, correcting the correction is not.
        assertThat(jdbc.queryForObject("SELECT quantity FROM supply_event WHERE id = ?", Double.class, dbId(original))).isEqualTo(2.0);
        List<Map<String, Object>> again = refused(f.processor.as(), "correctSupplyEvent", Map.of("eventId", original, "quantity", 1));
        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo(List.of("input", "eventId"));
            assertThat(e.get("code")).isEqualTo("CONFLICT");
        });
        Map<String, Object> second = ok(f.processor.as(), "correctSupplyEvent", Map.of("eventId", correction, "quantity", 1800, "unit", "kg"));
        assertThat(((Number) at(second, "linkage.deliveredQuantity")).doubleValue()).isEqualTo(1.8);

        f.coop.as().document("""
                query($id: ID!) { supplyLinkage(id: $id) { deliveredQuantity events(first: 10) { totalCount edges { node {
                  id quantity unit superseded corrects { id } correctedBy { id } } } } } }""")
                .variable("id", f.upstream).execute()
                .path("supplyLinkage.events.totalCount").entity(Integer.class).isEqualTo(3)
                .path("supplyLinkage.events.edges[?(@.node.id == '%s')].node.superseded".formatted(original))
                .entityList(Boolean.class).containsExactly(true)
                .path("supplyLinkage.events.edges[?(@.node.id == '%s')].node.correctedBy.id".formatted(original))
                .entityList(String.class).containsExactly(correction)
                .path("supplyLinkage.events.edges[?(@.node.superseded == false)].node.quantity")
                .entityList(Double.class).containsExactly(1800.0);
    }

    @Test
    void supplyActivityAtAnEarlierMomentCountsTheEventsThenThoughNewerOnesFollowed() {
        ok(f.coop.as(), "recordShipment", movement(f.upstream, 1, "tấn", "H1", daysAgo(120)));
        // Taken once: two calls can fall on both sides of a second and then name different moments.
        String receivedAt = daysAgo(119);
        ok(f.processor.as(), "recordReceipt", movement(f.upstream, 1, "tấn", "H1", receivedAt));
        String shippedAt = daysAgo(1);
        ok(f.coop.as(), "recordShipment", movement(f.upstream, 1, "tấn", "H2", shippedAt));
        vn.htxconnect.organization.ActivitySource source = activitySources.stream()
                .filter(s -> s.kind() == vn.htxconnect.organization.ActivityKind.SUPPLY_EVENT).findFirst().orElseThrow();
        List<Long> sides = List.of(dbId(f.coop.organizationId()), dbId(f.processor.organizationId()));
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant monthAgo = now.minus(java.time.Duration.ofDays(30));
        List<Map<Long, java.time.Instant>> answers = source.lastActivity(sides, List.of(now, monthAgo));
        java.time.Instant received = OffsetDateTime.parse(receivedAt).toInstant();
        // Now: the shipment yesterday, for both sides of the linkage (as the overview of all organizations says).
        assertThat(answers.get(0).values()).hasSize(2).allSatisfy(at ->
                assertThat(at).isEqualTo(OffsetDateTime.parse(shippedAt).toInstant()));
        assertThat(source.latestOfEveryOrganization(now)).containsAllEntriesOf(answers.get(0));
        // A month ago yesterday's shipment had not happened: the receipt 119 days ago counts then.
        assertThat(answers.get(1)).containsOnlyKeys(sides).allSatisfy((org, at) -> assertThat(at).isEqualTo(received));
    }

    @Test
    void refusedEventsWriteNothing() {
        ok(f.processor.as(), "recordReceipt", movement(f.upstream, 1, "tấn", "C1", daysAgo(2)));
        String ended = f.activeLinkage(f.coop, f.processor, 1, "tấn");
        f.coop.as().document("mutation($i: SupplyLinkageActionInput!) { endSupplyLinkage(input: $i) { errors { message } } }")
                .variable("i", Map.of("id", ended)).execute().path("endSupplyLinkage.errors").entityList(Object.class).hasSize(0);
        String boxes = f.activeLinkage(f.processor, f.chain, 100, "thùng");
        int before = events();
        long versionBefore = version(f.upstream);

        assertRefused(f.processor.as(), "recordReceipt", movement(ended, 1, "tấn", "C1", daysAgo(1)), "linkageId", "CONFLICT");
        assertRefused(f.processor.as(), "recordReceipt", movement(f.upstream, -2, "tấn", "C1", daysAgo(1)), "quantity", "OUT_OF_RANGE");
        assertRefused(f.processor.as(), "recordReceipt", movement(f.upstream, 0, "tấn", "C1", daysAgo(1)), "quantity", "OUT_OF_RANGE");
        assertRefused(f.processor.as(), "recordShipment", movement(boxes, 20, "kg", "R1", daysAgo(1)), "unit", "INVALID");
        assertRefused(f.processor.as(), "recordReceipt", movement(f.upstream, 2, "thúng mủng", "C1", daysAgo(1)), "unit", "INVALID");
        String future = OffsetDateTime.now(SupplyChainFixture.VN).plusHours(2).toString();
        assertRefused(f.processor.as(), "recordReceipt", movement(f.upstream, 1, "tấn", "C1", future), "occurredAt", "OUT_OF_RANGE");
        // A few minutes of clock skew is not the future.
        String skewed = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(3).toString();
        assertThat(SupplyChainFixture.mutate(f.processor.as(), "recordReceipt", movement(f.upstream, 1, "tấn", "C3", skewed))
                .path("recordReceipt.errors").entityList(Object.class).get()).isEmpty();
        before++;

        // Lot C7 never reached the processor; C1 did (1 tấn), but not 1200 kg of it.
        assertRefused(f.processor.as(), "recordTransformation", transformation(f.processor.organizationId(),
                List.of(lot("C1", 500, "kg"), lot("C7", 100, "kg")), List.of(lot("R1", 400, "kg")), daysAgo(1)),
                "inputs.1.lotNumber", "NOT_FOUND");
        List<Map<String, Object>> over = refused(f.processor.as(), "recordTransformation", transformation(f.processor.organizationId(),
                List.of(lot("C1", 1200, "kg")), List.of(lot("R1", 900, "kg")), daysAgo(1)));
        assertThat(over).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo(List.of("input", "inputs", "0", "quantity"));
            assertThat(e.get("message").toString()).contains("C1", "1 tấn");
        });
        assertRefused(f.processor.as(), "recordTransformation", transformation(f.processor.organizationId(),
                List.of(lot("C1", 5, "thùng")), List.of(lot("R1", 4, "kg")), daysAgo(1)), "inputs.0.unit", "INVALID");
        assertRefused(f.processor.as(), "recordTransformation", transformation(f.processor.organizationId(),
                List.of(lot("C1", 5, "kg")), List.of(lot("C1", 4, "kg")), daysAgo(1)), "outputs.0.lotNumber", "INVALID");

        // The wrong side: the supplier cannot record the customer's receipt, the customer not the supplier's shipment.
        assertForbidden(f.coop.as(), "recordReceipt", movement(f.upstream, 1, "tấn", "C1", daysAgo(1)));
        assertForbidden(f.processor.as(), "recordShipment", movement(f.upstream, 1, "tấn", "C1", daysAgo(1)));
        assertForbidden(f.chain.as(), "recordTransformation", transformation(f.processor.organizationId(),
                List.of(lot("C1", 5, "kg")), List.of(lot("R1", 4, "kg")), daysAgo(1)));

        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supply_event_lot l JOIN supply_event e ON e.id = l.event_id WHERE e.organization_id = ?",
                Integer.class, dbId(f.processor.organizationId()))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supply_lot_lock WHERE organization_id = ?", Integer.class,
                dbId(f.processor.organizationId()))).as("not even the lock row of a refused transformation").isZero();
        assertThat(version(f.upstream)).isEqualTo(versionBefore + 1);
    }

    private int events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM supply_event WHERE organization_id IN (?, ?, ?)", Integer.class,
                dbId(f.coop.organizationId()), dbId(f.processor.organizationId()), dbId(f.chain.organizationId()));
    }

    private long version(String linkage) {
        return jdbc.queryForObject("SELECT version FROM supply_linkage WHERE id = ?", Long.class, dbId(linkage));
    }

    private static void assertRefused(HttpGraphQlTester as, String mutation, Map<String, Object> input, String field, String code) {
        List<String> path = new java.util.ArrayList<>(List.of("input"));
        path.addAll(List.of(field.split("\\.")));
        assertThat(refused(as, mutation, input)).as(mutation + " " + input).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(path);
            assertThat(e.get("code")).isEqualTo(code);
        });
    }

    private static void assertForbidden(HttpGraphQlTester as, String mutation, Map<String, Object> input) {
        assertThat(SupplyChainFixture.mutate(as, mutation, input).returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
    }

    @Test
    void eventsAreForTheTwoSidesAndTheAllianceAndMessagesAreVietnameseByDefault() {
        String event = at(ok(f.coop.as(), "recordShipment", movement(f.upstream, 1, "tấn", "C5", daysAgo(1))), "event.id");
        String read = "query($id: ID!) { supplyLinkage(id: $id) { events { totalCount edges { node { id quantity } } } } }";
        for (HttpGraphQlTester reader : List.of(f.coop.as(), f.processor.as(), TestData.asAdmin(anonymous))) {
            reader.document(read).variable("id", f.upstream).execute().path("supplyLinkage.events.totalCount").entity(Integer.class).isEqualTo(1);
        }
        // The retail chain is an outsider to this linkage: it sees the settled linkage but not what moved on it.
        f.chain.as().document(read).variable("id", f.upstream).execute()
                .path("supplyLinkage.events.totalCount").entity(Integer.class).isEqualTo(0)
                .path("supplyLinkage.events.edges").entityList(Object.class).hasSize(0);
        assertThat(f.chain.as().document("query($id: ID!) { node(id: $id) { id } }").variable("id", event).execute()
                .returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("NOT_FOUND");
        f.processor.as().document("query($id: ID!) { node(id: $id) { ... on SupplyEvent { lotNumber } } }").variable("id", event)
                .execute().path("node.lotNumber").entity(String.class).isEqualTo("C5");

        List<Map<String, Object>> errors = refused(f.processor.as(), "recordReceipt", movement(f.upstream, 1, "thùng", "C5", daysAgo(1)));
        assertThat(errors.getFirst().get("message").toString()).isEqualTo("Không quy đổi được thùng sang tấn (đơn vị của liên kết)");
    }

    @Test
    void eventStatementsDoNotGrowWithPageSize() {
        for (int i = 0; i < 12; i++) {
            String id = at(ok(f.coop.as(), "recordShipment", movement(f.upstream, 1 + i, "tấn", "L" + i, daysAgo(30 - i))), "event.id");
            ok(f.coop.as(), "correctSupplyEvent", Map.of("eventId", id, "quantity", 2 + i, "note", "Sửa số lượng"));
        }
        int small = statements(5);
        String smallSql = sql.statements().toString();
        int large = statements(20);
        assertThat(large).as(smallSql + "\n----\n" + sql.statements()).isEqualTo(small);
    }

    private int statements(int first) {
        sql.reset();
        f.coop.as().document("""
                query($o: ID!, $n: Int) { supplyLinkages(filter: {organizationId: $o}) { edges { node { events(first: $n) {
                  totalCount edges { node { kind quantity unit lotNumber occurredAt superseded recordedBy { name } linkage { id }
                    province { name } corrects { id quantity } correctedBy { id } inputs { lotNumber } outputs { lotNumber } } } } } } } }""")
                .variable("o", f.coop.organizationId()).variable("n", first).execute()
                .path("supplyLinkages.edges[0].node.events.edges").entityList(Object.class).hasSize(first);
        return sql.count();
    }
}
