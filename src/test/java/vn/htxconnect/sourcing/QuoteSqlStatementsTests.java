package vn.htxconnect.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/** A page of 50 quotes with their requests, organizations, products and conversations costs what a page of 5 does. */
@IntegrationTest
class QuoteSqlStatementsTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    JdbcTemplate jdbc;

    record Party(String org, HttpGraphQlTester as) {
    }

    private Party register(String kind) {
        HttpGraphQlTester.Response r = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of("organization", Map.of("kind", kind, "name", TestData.unique("Tổ chức "), "province", "Sơn La"),
                        "owner", Map.of("email", TestData.unique("s") + "@htx.vn", "name", "Người dùng", "password", "mat-khau-du-dai")))
                .execute();
        return new Party(r.path("registerOrganization.organization.id").entity(String.class).get(),
                TestData.bearer(anonymous, r.path("registerOrganization.token").entity(String.class).get()));
    }

    private static long db(String globalId) {
        return GlobalId.decode("id", globalId).id();
    }

    @Test
    void quoteListsCostAFixedNumberOfStatements() {
        Party buyer = register("RETAIL_CHAIN");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(buyer.as().document("""
                    mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) { sourcingRequest { id } } }""")
                    .variable("i", Map.of("buyerOrganizationId", buyer.org(), "title", "Chè Shan tuyết " + i, "category", "COFFEE_TEA", "quantity", 1,
                            "unit", "kg", "frequency", "MONTHLY", "deliveryProvince", "Hà Nội",
                            "windowFrom", LocalDate.now().plusDays(3).toString(), "windowTo", LocalDate.now().plusDays(90).toString()))
                    .execute().path("createSourcingRequest.sourcingRequest.id").entity(String.class).get());
        }
        List<Party> suppliers = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Party s = register("COOPERATIVE");
            suppliers.add(s);
            products.add(TestData.createProduct(anonymous, s.org(), "Chè " + TestData.unique("c"), "TEA", Map.of()));
        }
        // Older, declined quotes written directly, to make pages of 50...
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Object[] {db(requests.get(i % 3)), db(suppliers.get(i % 3).org()), db(buyer.org()),
                    db(products.get(i % 3)), 10000 + i});
        }
        jdbc.batchUpdate("""
                INSERT INTO quote (request_id, supplier_organization_id, buyer_organization_id, product_id, price_per_unit_vnd,
                  unit, quantity, frequency, valid_until, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'KG', 1, 'MONTHLY', CURRENT_TIMESTAMP(6) + INTERVAL 10 DAY, 'DECLINED',
                  CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""", rows);
        // ...then real quotes (with their conversations) from each supplier on each request, which come first.
        for (String request : requests) {
            for (Party s : suppliers) {
                Map<String, Object> in = new HashMap<>(QuoteFlowTests.quote(request, s.org()));
                in.put("unit", "kg");
                in.put("productId", products.get(suppliers.indexOf(s)));
                s.as().document(QuoteFlowTests.SEND).variable("i", in).execute()
                        .path("sendQuote.errors").entityList(Object.class).hasSize(0);
            }
        }
        TestData.awaitOutboxDrained(jdbc);

        String list = """
                query($o: ID!, $n: Int) { quotes(filter: {organizationId: $o}, first: $n) { totalCount edges { node {
                  status totalPerPeriodVnd request { title buyerOrganization { name } } supplier { name } buyer { name }
                  product { name } conversation { subject messageCount } } } } }""";
        int small = count(buyer.as(), list, buyer.org(), 5, "quotes.edges");
        String smallSql = sql.statements().toString();
        int large = count(buyer.as(), list, buyer.org(), 50, "quotes.edges");
        assertThat(large).as(smallSql + "\n----\n" + sql.statements()).isEqualTo(small);
        // Caller and memberships, page and count, requests and their invitees (for the request and to
        // decide whether the buyer is shown), organizations (supplier, buyer, request's buyer), products
        // with certificates, conversations.
        assertThat(large).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(13);
        assertThat(String.join("\n", sql.statements())).containsIgnoringCase("FROM conversation c WHERE c.id IN");

        // A request's quotes under a list of requests: batched across the requests.
        String nested = """
                query($o: ID!, $n: Int) { mySourcingRequests(filter: {buyerOrganizationId: $o}, first: $n) { edges { node {
                  title quotes(first: 10) { totalCount edges { node { status supplier { name } product { name } } } } } } } }""";
        int one = count(buyer.as(), nested, buyer.org(), 1, "mySourcingRequests.edges");
        String oneSql = sql.statements().toString();
        int three = count(buyer.as(), nested, buyer.org(), 3, "mySourcingRequests.edges");
        assertThat(three).as(oneSql + "\n----\n" + sql.statements()).isEqualTo(one);
    }

    private int count(HttpGraphQlTester as, String document, String org, int first, String edges) {
        sql.reset();
        as.document(document).variable("o", org).variable("n", first).execute()
                .path(edges).entityList(Object.class).hasSize(first);
        return sql.count();
    }
}
