package vn.htxconnect.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.htxconnect.linkage.SupplyChainFixture.daysAgo;
import static vn.htxconnect.linkage.SupplyChainFixture.lot;
import static vn.htxconnect.linkage.SupplyChainFixture.movement;
import static vn.htxconnect.linkage.SupplyChainFixture.ok;
import static vn.htxconnect.linkage.SupplyChainFixture.transformation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.linkage.SupplyChainFixture.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * traceLot on a coffee chain: cherries lot C1 from a cooperative, roasted into lot R1 by a processor,
 * sold to a retail chain. Backward from the chain's R1 reaches the cooperative's C1; forward from C1
 * reaches the chain; cycles end; quantities only for those entitled; who may trace.
 */
@IntegrationTest
class LotTraceTests {

    static final String TRACE = """
            query($o: ID!, $l: String!, $d: LotTraceDirection, $m: Int) { traceLot(organizationId: $o, lotNumber: $l, direction: $d, maxDepth: $m) {
              direction truncated
              nodes { organization { id } lotNumber stage depth end }
              steps { kind eventId fromOrganization { id } fromLotNumber toOrganization { id } toLotNumber quantity unit
                      consumedQuantity consumedUnit occurredAt } } }""";

    @Autowired
    HttpGraphQlTester anonymous;

    SupplyChainFixture f;
    String product;

    @BeforeEach
    void cherriesRoastedAndSold() {
        f = new SupplyChainFixture(anonymous);
        product = TestData.createProduct(anonymous, f.processor.organizationId(), TestData.unique("Cà phê rang xay "), "COFFEE", Map.of());
        ok(f.coop.as(), "recordShipment", movement(f.upstream, 2, "tấn", "C1", daysAgo(10)));
        ok(f.processor.as(), "recordReceipt", movement(f.upstream, 2, "tấn", "C1", daysAgo(9)));
        Map<String, Object> roasting = transformation(f.processor.organizationId(), List.of(lot("C1", 1500, "kg")),
                List.of(Map.of("lotNumber", "R1", "quantity", 1200, "unit", "kg", "productId", product)), daysAgo(8));
        Map<String, Object> roasted = ok(f.processor.as(), "recordTransformation", roasting);
        assertThat(String.valueOf(SupplyChainFixture.<Object>at(roasted, "event.outputs"))).contains("R1");
        ok(f.processor.as(), "recordShipment", movement(f.downstream, 500, "kg", "R1", daysAgo(7)));
        ok(f.chain.as(), "recordReceipt", movement(f.downstream, 500, "kg", "R1", daysAgo(6)));
    }

    HttpGraphQlTester.Response trace(HttpGraphQlTester as, Party at, String lot, String direction, Integer maxDepth) {
        return as.document(TRACE).variable("o", at.organizationId()).variable("l", lot).variable("d", direction)
                .variable("m", maxDepth).execute();
    }

    @Test
    void backwardFromTheRetailersLotReachesTheCooperativesLot() {
        HttpGraphQlTester.Response r = trace(f.chain.as(), f.chain, "R1", "BACKWARD", null);
        r.path("traceLot.truncated").entity(Boolean.class).isEqualTo(false)
                .path("traceLot.nodes[0].organization.id").entity(String.class).isEqualTo(f.chain.organizationId())
                .path("traceLot.nodes[0].stage").entity(String.class).isEqualTo("RETAIL")
                .path("traceLot.nodes[?(@.organization.id == '%s')].lotNumber".formatted(f.processor.organizationId()))
                .entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("R1", "C1"))
                .path("traceLot.nodes").entityList(SupplyChainFixture.MAP).satisfies(nodes -> assertThat(nodes)
                        .filteredOn(n -> f.coop.organizationId().equals(SupplyChainFixture.at(n, "organization.id"))).singleElement().satisfies(n -> {
                    assertThat(n.get("lotNumber")).isEqualTo("C1");
                    assertThat(n.get("stage")).isEqualTo("PRODUCTION");
                    assertThat(n.get("depth")).isEqualTo(3);
                    assertThat(n.get("end")).isEqualTo(true);
                }))
                .path("traceLot.nodes[?(@.end == true)]").entityList(Object.class).hasSize(1)
                .path("traceLot.steps").entityList(SupplyChainFixture.MAP).satisfies(steps -> assertThat(steps)
                        .filteredOn(s -> "TRANSFORMED".equals(s.get("kind"))).singleElement().satisfies(s -> {
                    assertThat(s.get("fromLotNumber")).isEqualTo("C1");
                    assertThat(s.get("toLotNumber")).isEqualTo("R1");
                    // The chain is no side of the roasting: it learns where its coffee came from, not the processor's yields.
                    assertThat(s.get("quantity")).isNull();
                    assertThat(s.get("consumedQuantity")).isNull();
                }))
                // Its own linkage's quantities it sees; the cooperative-processor linkage's it does not.
                .path("traceLot.steps[?(@.toOrganization.id == '%s')].quantity".formatted(f.chain.organizationId()))
                .entityList(Double.class).containsExactly(500.0, 500.0)
                .path("traceLot.steps[?(@.fromOrganization.id == '%s')].kind".formatted(f.coop.organizationId()))
                .entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("SHIPPED", "RECEIVED"))
                .path("traceLot.steps[?(@.fromOrganization.id == '%s')].quantity".formatted(f.coop.organizationId()))
                .entityList(Object.class).satisfies(q -> assertThat(q).containsOnlyNulls());

        // The processor, a side of everything here, sees the roasting yields; so does the Alliance.
        for (HttpGraphQlTester who : List.of(f.processor.as(), TestData.asAdmin(anonymous))) {
            who.document(TRACE).variable("o", f.processor.organizationId()).variable("l", "R1").variable("d", "BACKWARD").execute()
                    .path("traceLot.steps[?(@.kind == 'TRANSFORMED')].consumedQuantity").entityList(Double.class).containsExactly(1500.0)
                    .path("traceLot.steps[?(@.kind == 'TRANSFORMED')].quantity").entityList(Double.class).containsExactly(1200.0);
        }
    }

    @Test
    void forwardFromTheCooperativesLotReachesTheRetailer() {
        trace(f.coop.as(), f.coop, "C1", "FORWARD", null)
                .path("traceLot.direction").entity(String.class).isEqualTo("FORWARD")
                .path("traceLot.nodes").entityList(SupplyChainFixture.MAP).satisfies(nodes -> assertThat(nodes)
                        .filteredOn(n -> f.chain.organizationId().equals(SupplyChainFixture.at(n, "organization.id"))).singleElement()
                        .satisfies(n -> {
                            assertThat(n.get("lotNumber")).isEqualTo("R1");
                            assertThat(n.get("stage")).isEqualTo("RETAIL");
                            assertThat(n.get("end")).isEqualTo(true);
                        }))
                .path("traceLot.steps[*].kind").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("SHIPPED", "RECEIVED", "TRANSFORMED", "SHIPPED", "RECEIVED"));
        // Depth 2 stops at the processor's roasted lot, with more to follow.
        trace(f.coop.as(), f.coop, "C1", "FORWARD", 2)
                .path("traceLot.truncated").entity(Boolean.class).isEqualTo(true)
                .path("traceLot.nodes[*].lotNumber").entityList(String.class).containsExactly("C1", "C1", "R1");
    }

    @Test
    void aCorrectedEventNoLongerLeadsAnywhere() {
        Party other = SupplyChainFixture.register(anonymous, "RETAIL_CHAIN", "Chuỗi khác ", "Hà Nội");
        String linkage = f.activeLinkage(f.processor, other, 100, "kg");
        String shipped = SupplyChainFixture.at(ok(f.processor.as(), "recordShipment", movement(linkage, 50, "kg", "R1", daysAgo(5))), "event.id");
        trace(f.processor.as(), f.processor, "R1", "FORWARD", null)
                .path("traceLot.nodes[?(@.organization.id == '%s')]".formatted(other.organizationId())).entityList(Object.class).hasSize(1);
        // It was lot R2, not R1.
        ok(f.processor.as(), "correctSupplyEvent", Map.of("eventId", shipped, "lotNumber", "R2"));
        trace(f.processor.as(), f.processor, "R1", "FORWARD", null)
                .path("traceLot.nodes[?(@.organization.id == '%s')]".formatted(other.organizationId())).entityList(Object.class).hasSize(0);
    }

    @Test
    void aCycleEnds() {
        // Two cooperatives that trade the same lot back and forth (seedlings, say): the trace visits each lot once.
        Party a = SupplyChainFixture.register(anonymous, "COOPERATIVE", "HTX vòng A ", "Gia Lai");
        Party b = SupplyChainFixture.register(anonymous, "COOPERATIVE", "HTX vòng B ", "Gia Lai");
        String ab = f.activeLinkage(a, b, 1, "tấn");
        String ba = f.activeLinkage(b, a, 1, "tấn");
        ok(a.as(), "recordShipment", movement(ab, 1, "tấn", "G1", daysAgo(4)));
        ok(b.as(), "recordShipment", movement(ba, 1, "tấn", "G1", daysAgo(3)));
        for (String direction : List.of("FORWARD", "BACKWARD")) {
            trace(a.as(), a, "G1", direction, 20)
                    .path("traceLot.truncated").entity(Boolean.class).isEqualTo(false)
                    .path("traceLot.nodes").entityList(Object.class).hasSize(2)
                    .path("traceLot.steps").entityList(Object.class).hasSize(2);
        }
    }

    @Test
    void membersOfTheHolderTheAllianceAndAdminsMayTrace() {
        assertThat(trace(f.coop.as(), f.chain, "R1", "BACKWARD", null).returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("FORBIDDEN");
        assertThat(trace(anonymous, f.chain, "R1", "BACKWARD", null).returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("UNAUTHENTICATED");
        assertThat(trace(f.chain.as(), f.chain, "R1", "BACKWARD", 50).returnResponse().getErrors())
                .extracting(e -> e.getExtensions().get("code")).containsExactly("BAD_REQUEST");
        trace(TestData.asAdmin(anonymous), f.chain, "R1", "BACKWARD", null).path("traceLot.nodes").entityList(Object.class).hasSize(4);
        // A lot nobody recorded is just itself, an end.
        trace(f.chain.as(), f.chain, "X404", "BACKWARD", null).path("traceLot.nodes[*].end").entityList(Boolean.class).containsExactly(true);
    }
}
