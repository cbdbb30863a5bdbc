package vn.htxconnect.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Creating organizations: legacy province names, the centroid as default location, and payload errors that write nothing. */
@IntegrationTest
class OrganizationWriteTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsAdmin() {
        graphQl = TestData.asAdmin(anonymous);
    }

    @Test
    void legacyProvinceResolvesAndCentroidIsTheDefaultLocation() {
        String name = TestData.unique("HTX Cà phê Gia Nghĩa ");
        String id = TestData.createOrganization(graphQl, name, "COOPERATIVE", "Đắk Nông");
        graphQl.document("query($id: ID!) { organization(id: $id) { provinceCode lat lon status verificationStatus } }")
                .variable("id", id).execute()
                .path("organization.provinceCode").entity(String.class).isEqualTo("68")
                .path("organization.status").entity(String.class).isEqualTo("ACTIVE")
                .path("organization.verificationStatus").entity(String.class).isEqualTo("UNVERIFIED")
                .path("organization.lat").entity(Double.class).satisfies(lat -> assertThat(lat).isBetween(10.0, 13.5));
    }

    @Test
    void invalidInputNamesFieldsAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class);
        graphQl.document("""
                mutation { createOrganization(input: {kind: COOPERATIVE, name: " ", province: "Atlantis",
                  taxCode: "12AB", contactEmail: "not-an-email", foundedYear: 1800, lat: 91, lon: 10}) {
                  organization { id } errors { field code } } }""").execute()
                .path("createOrganization.organization").valueIsNull()
                .path("createOrganization.errors[*].field[1]").entityList(String.class)
                .contains("name", "province", "taxCode", "contactEmail", "foundedYear", "lat");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class)).isEqualTo(before);
    }

    @Test
    void duplicateTaxCodeIsRefused() {
        String tax = String.valueOf(1_000_000_000L + Math.abs(TestData.unique("").hashCode() % 899_999_999));
        graphQl.document("mutation($t: String) { createOrganization(input: {kind: PROCESSOR, name: \"A\", province: \"01\", taxCode: $t}) { errors { code } } }")
                .variable("t", tax).execute().path("createOrganization.errors").entityList(Object.class).hasSize(0);
        graphQl.document("mutation($t: String) { createOrganization(input: {kind: PROCESSOR, name: \"B\", province: \"01\", taxCode: $t}) { errors { field code } } }")
                .variable("t", tax).execute().path("createOrganization.errors[0].code").entity(String.class).isEqualTo("DUPLICATE");
    }
}
