package vn.htxconnect.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.testing.TestData;
import vn.htxconnect.testing.TestServices;

/**
 * The organization module started with only what it depends on directly (platform, region), against the
 * real database: no catalogue, search, account or linkage beans. Like every integration test it fails when
 * the services are missing, never skips.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestServices.class)
class OrganizationModuleTests {

    @Autowired
    OrganizationService organizations;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsWithOnlyPlatformAndRegion() {
        Set<String> modules = Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(Objects::nonNull)
                .map(Class::getPackageName).filter(p -> p.startsWith("vn.htxconnect."))
                .map(p -> p.split("\\.")[2]).collect(Collectors.toSet());
        assertThat(modules).contains("organization", "platform", "region").doesNotContain("catalog", "search", "account",
                "sourcing", "linkage", "insight");
    }

    @Test
    void createsFindsAndArchivesThroughItsService() {
        String name = TestData.unique("HTX Tiêu Gia Nghĩa ");
        // Đắk Nông merged into Lâm Đồng (68): the legacy name still resolves, and its centre is the location.
        OrganizationPayload created = Access.asSystem(() -> organizations.create(input(null, name, "Đắk Nông")));
        assertThat(created.errors()).isEmpty();
        Organization o = organizations.findById(created.organization().databaseId()).orElseThrow();
        assertThat(o.name()).isEqualTo(name);
        assertThat(o.provinceCode()).isEqualTo("68");
        assertThat(o.lat()).isBetween(10.0, 13.5);
        assertThat(o.verificationStatus()).isEqualTo(VerificationStatus.UNVERIFIED);

        String id = GlobalId.encode(Organization.TYPE, o.databaseId());
        OrganizationPayload archived = Access.asSystem(() -> organizations.setStatus(id, OrganizationStatus.ARCHIVED, null, null));
        assertThat(archived.errors()).isEmpty();
        assertThat(organizations.findById(o.databaseId()).orElseThrow().active()).isFalse();
    }

    @Test
    void invalidInputIsReportedByFieldAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class);
        OrganizationPayload refused = Access.asSystem(() -> organizations.create(input(null, " ", "Atlantis")));
        assertThat(refused.organization()).isNull();
        assertThat(refused.errors()).extracting(UserError::field).extracting(List::getLast).contains("name", "province");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class)).isEqualTo(before);
    }

    private static OrganizationInput input(String id, String name, String province) {
        return new OrganizationInput(id, null, OrganizationKind.COOPERATIVE, name, null, null, null, null, province, null,
                null, null, null, null, null, null, null, null);
    }
}
