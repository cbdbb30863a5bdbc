package vn.htxconnect.catalog.imports;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.testing.TestData;

/** Set-up shared by the import tests: a new cooperative per test and a client for the REST endpoints. */
abstract class ImportTestSupport {

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    ImportClient client;
    String tag;
    String org;

    @BeforeEach
    void cooperative() {
        graphQl = TestData.asAdmin(anonymous);
        client = new ImportClient(port, TestData.adminToken(anonymous));
        tag = TestData.unique("imp");
        org = TestData.createOrganization(graphQl, "HTX Nông sản " + tag, "COOPERATIVE", "Đắk Lắk");
    }

    long orgDbId() {
        return GlobalId.decode("id", org, "Organization");
    }

    int productCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE organization_id = ?", Integer.class, orgDbId());
    }
}
