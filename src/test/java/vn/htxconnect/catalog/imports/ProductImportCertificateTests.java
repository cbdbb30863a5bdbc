package vn.htxconnect.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.search.IndexAliases;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * Certificates in a CSV import: an expired one is kept as history with a warning and never counts;
 * a scheme outside the list is kept as OTHER under its own name; a malformed date rejects the row.
 */
@IntegrationTest
class ProductImportCertificateTests extends ImportTestSupport {

    private static final String FUTURE = LocalDate.now().plusYears(1).toString();
    private static final String EXPIRED = "2024-03-31";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    IndexAliases aliases;

    private long productDbId(String externalRef) {
        return jdbc.queryForObject("SELECT id FROM product WHERE organization_id = ? AND external_ref = ?", Long.class,
                orgDbId(), externalRef);
    }

    private String productId(String externalRef) {
        return GlobalId.encode("Product", productDbId(externalRef));
    }

    private List<String> schemes(HttpGraphQlTester caller, String externalRef, boolean includeExpired) {
        return caller.document("query($id: ID!, $all: Boolean) { product(id: $id) { certifications(includeExpired: $all) { scheme } } }")
                .variable("id", productId(externalRef)).variable("all", includeExpired).execute()
                .path("product.certifications[*].scheme").entityList(String.class).get();
    }

    private HttpGraphQlTester.Response search(Map<String, Object> filter) {
        return anonymous.document("""
                query($q: String, $f: ProductFilter) {
                  searchProducts(query: $q, filter: $f, first: 50) {
                    edges { node { externalRef } }
                    facets { certification { value label count } }
                  } }""")
                .variable("q", tag).variable("f", filter).execute();
    }

    private List<String> refs(Map<String, Object> filter) {
        return search(filter).path("searchProducts.edges[*].node.externalRef").entityList(String.class).get();
    }

    /** External references of this organization's documents that a query on the index itself finds. */
    private List<String> indexed(Query query) throws IOException {
        long org = orgDbId();
        return elasticsearch.search(s -> s.index(aliases.alias(IndexAliases.PRODUCTS)).size(50)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("organization_id").value(org))).must(query))),
                Map.class).hits().hits().stream().map(h -> (String) h.source().get("external_ref")).sorted().toList();
    }

    @Test
    void expiredCertificatesImportWithAWarningAndNeverCountUnknownSchemesBecomeOther() throws IOException {
        String csv = ImportClient.csv(
                "EXP-1,Cà phê Arabica " + tag + ",Cà phê,,kg,,,,,,VIETGAP:VG-OLD:" + EXPIRED + ";OCOP:OC-9:" + FUTURE
                        + ",4,Lâm Đồng,,,",
                "VG-1,Cà phê Robusta " + tag + ",Cà phê,,kg,,,,,,VIETGAP:VG-NEW:" + FUTURE + ",,,,,",
                "UNK-1,Hồ tiêu đen " + tag + ",Hồ tiêu,,kg,,,,,,Chứng nhận Xanh Sạch:XS-1:" + FUTURE + ",,,,,",
                "RA-1,Chè Shan tuyết " + tag + ",TEA,,kg,,,,,,UTZ:U-77:" + FUTURE + ";Fair Trade:FT-1:" + FUTURE
                        + ";FSSC22000;BRC,,,,,");
        ImportClient.Response r = client.upload(org, csv);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.number("created")).isEqualTo(4);
        assertThat(r.number("rejected")).isZero();
        assertThat(r.number("warned")).isEqualTo(2);
        assertThat(r.number("rowWarningCount")).isEqualTo(2);
        assertThat(r.errors()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) r.get("rowWarnings");
        assertThat(warnings).extracting(w -> w.get("row"), w -> w.get("column"), w -> w.get("code")).containsExactly(
                tuple(2, "certifications", "CERTIFICATE_EXPIRED"),
                tuple(4, "certifications", "UNKNOWN_CERTIFICATION_SCHEME"));
        assertThat(warnings.get(0).get("message")).asString().contains("VIETGAP certificate expired on " + EXPIRED);
        assertThat(warnings.get(1).get("message")).asString().contains("Chứng nhận Xanh Sạch");

        // The same through GraphQL.
        graphQl.document("""
                query($id: ID!) { productImport(id: $id) { warnedCount rowWarningCount
                  rowWarnings(first: 1) { totalCount pageInfo { hasNextPage } edges { node { row column code message } } } } }""")
                .variable("id", r.get("id")).execute()
                .path("productImport.warnedCount").entity(Integer.class).isEqualTo(2)
                .path("productImport.rowWarnings.totalCount").entity(Integer.class).isEqualTo(2)
                .path("productImport.rowWarnings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("productImport.rowWarnings.edges[0].node.code").entity(String.class).isEqualTo("CERTIFICATE_EXPIRED");

        // Stored as written: the expired certificate as history, the unknown scheme as OTHER with its label.
        assertThat(jdbc.queryForList("SELECT scheme FROM product_certification WHERE product_id = ? ORDER BY id",
                String.class, productDbId("EXP-1"))).containsExactly("VIETGAP", "OCOP");
        assertThat(jdbc.queryForMap("SELECT scheme, label FROM product_certification WHERE product_id = ?",
                productDbId("UNK-1"))).containsEntry("scheme", "OTHER").containsEntry("label", "Chứng nhận Xanh Sạch");
        assertThat(schemes(graphQl, "RA-1", false)).containsExactly("RAINFOREST_ALLIANCE", "FAIRTRADE", "FSSC22000", "BRCGS");
        assertThat(schemes(graphQl, "EXP-1", false)).containsExactly("OCOP");
        assertThat(schemes(graphQl, "EXP-1", true)).containsExactly("VIETGAP", "OCOP");
        assertThat(schemes(anonymous, "EXP-1", true)).containsExactly("OCOP");
        graphQl.document("query($id: ID!) { product(id: $id) { certifications { scheme label number } } }")
                .variable("id", productId("UNK-1")).execute()
                .path("product.certifications[0].scheme").entity(String.class).isEqualTo("OTHER")
                .path("product.certifications[0].label").entity(String.class).isEqualTo("Chứng nhận Xanh Sạch")
                .path("product.certifications[0].number").entity(String.class).isEqualTo("XS-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(refs(null)).hasSize(4));
        // Filters and facets count the valid VietGAP only; OTHER is neither a facet value nor a filter.
        assertThat(refs(Map.of("certifications", List.of("VIETGAP")))).containsExactly("VG-1");
        assertThat(refs(Map.of("certifications", List.of("OCOP")))).containsExactly("EXP-1");
        assertThat(refs(Map.of("certifications", List.of("Rainforest Alliance")))).containsExactly("RA-1");
        assertThat(refs(Map.of("certifications", List.of("BRCGS", "FAIRTRADE")))).containsExactly("RA-1");
        List<Map<String, Object>> facet = search(null).path("searchProducts.facets.certification").entityList(MAP).get();
        assertThat(facet).extracting(f -> f.get("value"), f -> f.get("count")).containsExactlyInAnyOrder(
                tuple("VIETGAP", 1), tuple("OCOP", 1), tuple("RAINFOREST_ALLIANCE", 1), tuple("FAIRTRADE", 1),
                tuple("FSSC22000", 1), tuple("BRCGS", 1));
        assertThat(facet).extracting(f -> f.get("label")).contains("Rainforest Alliance", "FSSC 22000");
        search(Map.of("certifications", List.of("OTHER"))).errors().expect(e ->
                "BAD_REQUEST".equals(e.getExtensions().get("code"))
                        && "filter.certifications".equals(e.getExtensions().get("field"))).verify();

        // The certificate names are one folded text field: OTHER ones as written, UTZ under Rainforest
        // Alliance, and never an expired certificate's.
        assertThat(indexed(Query.of(q -> q.match(m -> m.field("certification_text").query("chung nhan xanh sach")
                .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And))))).containsExactly("UNK-1");
        assertThat(indexed(Query.of(q -> q.match(m -> m.field("certification_text").query("rainforest"))))).containsExactly("RA-1");
        assertThat(indexed(Query.of(q -> q.match(m -> m.field("certification_text").query("utz"))))).containsExactly("RA-1");
        assertThat(indexed(Query.of(q -> q.match(m -> m.field("certification_text").query("vietgap"))))).containsExactly("VG-1");
        assertThat(indexed(Query.of(q -> q.nested(n -> n.path("certifications").query(inner -> inner.term(t -> t
                .field("certifications.label").value("Chứng nhận Xanh Sạch"))))))).containsExactly("UNK-1");
    }

    @Test
    void malformedCertificateDatesRejectTheRowNamingTheColumnAndWriteNothing() {
        ImportClient.Response r = client.upload(org, ImportClient.csv(
                "BAD-D1,Gạo ST25 " + tag + ",Gạo,,kg,,,,,,VIETGAP:VG-1:2027-02-30,,,,,",
                "BAD-D2,Gạo tám " + tag + ",Gạo,,kg,,,,,,GLOBALGAP:GG-1:31/13/2027,,,,,",
                "BAD-D3,Gạo nếp " + tag + ",Gạo,,kg,,,,,,Rainforest Alliance:RA-1:next year,,,,,"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.number("created")).isZero();
        assertThat(r.number("rejected")).isEqualTo(3);
        assertThat(r.number("warned")).isZero();
        assertThat(r.errors()).extracting(e -> e.get("row"), e -> e.get("column"), e -> e.get("code")).containsExactly(
                tuple(2, "certifications", "INVALID"), tuple(3, "certifications", "INVALID"),
                tuple(4, "certifications", "INVALID"));
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.get("message")).asString().contains("is not a date"));
        assertThat(productCount()).isZero();
    }

    @Test
    void theOwnerSeesCertificateHistoryOthersSeeOnlyValidCertificates() {
        HttpGraphQlTester.Response registered = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { organization { id } token } }""")
                .variable("i", Map.of(
                        "organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX Chè "), "province", "Thái Nguyên"),
                        "owner", Map.of("email", TestData.unique("c") + "@htx.vn", "name", "Nguyễn D", "password", "mat-khau-du-dai")))
                .execute();
        String ownOrg = registered.path("registerOrganization.organization.id").entity(String.class).get();
        String token = registered.path("registerOrganization.token").entity(String.class).get();
        ImportClient.Response r = new ImportClient(port, token).upload(ownOrg, ImportClient.csv(
                "CHE-1,Chè Tân Cương " + tag + ",TEA,,kg,,,,,,VIETGAP:VG-9:" + EXPIRED + ",,,,,"));
        assertThat(r.number("created")).isEqualTo(1);
        assertThat(r.number("warned")).isEqualTo(1);
        Long id = jdbc.queryForObject("SELECT id FROM product WHERE organization_id = ? AND external_ref = 'CHE-1'", Long.class,
                GlobalId.decode("id", ownOrg, "Organization"));
        String query = "query($id: ID!) { product(id: $id) { certifications(includeExpired: true) { scheme validTo valid } } }";
        String productId = GlobalId.encode("Product", id);
        TestData.bearer(anonymous, token).document(query).variable("id", productId).execute()
                .path("product.certifications[*].scheme").entityList(String.class).containsExactly("VIETGAP")
                .path("product.certifications[0].validTo").entity(String.class).isEqualTo(EXPIRED)
                .path("product.certifications[0].valid").entity(Boolean.class).isEqualTo(false);
        graphQl.document(query).variable("id", productId).execute()
                .path("product.certifications[*].scheme").entityList(String.class).containsExactly("VIETGAP");
        anonymous.document(query).variable("id", productId).execute()
                .path("product.certifications").entityList(Object.class).hasSize(0);
        // A member of another organization is not the owner either.
        String other = anonymous.document("""
                mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { token } }""")
                .variable("i", Map.of(
                        "organization", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX khác "), "province", "Huế"),
                        "owner", Map.of("email", TestData.unique("k") + "@htx.vn", "name", "Lê E", "password", "mat-khau-du-dai")))
                .execute().path("registerOrganization.token").entity(String.class).get();
        TestData.bearer(anonymous, other).document(query).variable("id", productId).execute()
                .path("product.certifications").entityList(Object.class).hasSize(0);
    }
}
