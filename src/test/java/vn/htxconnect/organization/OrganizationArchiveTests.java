package vn.htxconnect.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/** Archiving an organization takes its products out of search and stops new ones; restoring brings them back. */
@IntegrationTest
class OrganizationArchiveTests {

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsAdmin() {
        graphQl = TestData.asAdmin(anonymous);
    }

    @Test
    void archivingTakesProductsOutOfSearchAndRestoringBringsThemBack() {
        String tag = TestData.unique("arc");
        String org = TestData.createOrganization(graphQl, "HTX Nhãn lồng " + tag, "COOPERATIVE", "Hưng Yên");
        TestData.createProduct(graphQl, org, "Nhãn lồng Hưng Yên " + tag, "FRUIT_LYCHEE_LONGAN", Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).hasSize(1));
        graphQl.document("mutation($id: ID!) { archiveOrganization(input: {id: $id}) { organization { status } errors { code } } }")
                .variable("id", org).execute().path("archiveOrganization.organization.status").entity(String.class).isEqualTo("ARCHIVED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).isEmpty());
        graphQl.document("mutation($id: ID!) { createProduct(input: {organizationId: $id, name: \"X\", category: \"FRUIT\", unit: \"kg\"}) { errors { field code } } }")
                .variable("id", org).execute().path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID");
        graphQl.document("mutation($id: ID!) { restoreOrganization(input: {id: $id}) { organization { status } } }")
                .variable("id", org).execute().path("restoreOrganization.organization.status").entity(String.class).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestData.searchNames(graphQl, tag, null)).hasSize(1));
    }
}
