package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;
import vn.htxconnect.testing.TestData;

/**
 * Support programmes with eligibility rules as data: every rule kind met and not met for real cooperatives, each
 * explained in Vietnamese and English from the same numbers, what is lacking listed; the reverse list for the
 * Alliance; rule input checked field by field.
 */
@IntegrationTest
class ProgramEligibilityTests {

    static final String CREATE = """
            mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) {
              program { id name rules { kind minimum organizationKinds provinces { code } sectors certificationSchemes } }
              errors { field code message } } }""";
    static final String ELIGIBLE = """
            query($o: ID!) { eligiblePrograms(organizationId: $o) { program { id } eligible lacking
              checks { kind met explanation } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;

    HttpGraphQlTester alliance;
    HttpGraphQlTester admin;
    int year;

    @BeforeEach
    void setUp() {
        alliance = CourseFixtures.alliance(anonymous);
        admin = TestData.asAdmin(anonymous);
        year = LocalDate.now(VietnamTime.ZONE).getYear();
    }

    /** A fund loan for coffee cooperatives of Đắk Lắk: every kind of rule at once. */
    private String coffeeLoan() {
        Map<String, Object> in = new HashMap<>();
        in.put("name", "Cho vay ưu đãi từ Quỹ hỗ trợ phát triển HTX tỉnh Đắk Lắk " + TestData.unique("q"));
        in.put("kind", "PREFERENTIAL_LOAN");
        in.put("legalBasisKind", "LAW_2023_AND_DECREES");
        in.put("legalBasis", "Luật HTX số 17/2023/QH15; Nghị định 113/2024/NĐ-CP, Điều 6");
        in.put("provider", "Quỹ hỗ trợ phát triển HTX tỉnh Đắk Lắk");
        in.put("budgetVnd", 20_000_000_000L);
        in.put("amountPerBeneficiaryVnd", 500_000_000L);
        in.put("opensOn", LocalDate.now(VietnamTime.ZONE).minusDays(10).toString());
        in.put("closesOn", LocalDate.now(VietnamTime.ZONE).plusDays(60).toString());
        in.put("rules", List.of(
                Map.of("kind", "ORGANIZATION_KINDS", "organizationKinds", List.of("COOPERATIVE", "COOPERATIVE_UNION")),
                Map.of("kind", "PROVINCES", "provinces", List.of("Đắk Lắk")),
                Map.of("kind", "SECTORS", "sectors", List.of("COFFEE_TEA")),
                Map.of("kind", "MIN_MEMBERS", "minimum", 7),
                Map.of("kind", "MIN_YEARS_OPERATING", "minimum", 2),
                Map.of("kind", "VERIFIED_ONLY"),
                Map.of("kind", "NOT_PAPER_ONLY"),
                Map.of("kind", "VALID_CERTIFICATION", "certificationSchemes", List.of("VietGAP"))));
        return alliance.document(CREATE).variable("i", in).execute()
                .path("createSupportProgram.errors").entityList(Object.class).hasSize(0)
                .path("createSupportProgram.program.rules[1].provinces[0].code").entity(String.class).isEqualTo("66")
                .path("createSupportProgram.program.rules[7].certificationSchemes").entityList(String.class).containsExactly("VIETGAP")
                .path("createSupportProgram.program.id").entity(String.class).get();
    }

    private String cooperative(String province, int founded, int members, String sector) {
        return admin.document("""
                mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } errors { message } } }""")
                .variable("i", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX " + sector + " "), "province", province,
                        "foundedYear", founded, "memberCount", members, "sectors", List.of(sector)))
                .execute().path("createOrganization.organization.id").entity(String.class).get();
    }

    private void verify(String org) {
        alliance.document("mutation($i: SetOrganizationVerificationInput!) { setOrganizationVerification(input: $i) { errors { code } } }")
                .variable("i", Map.of("id", org, "verified", true)).execute()
                .path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
    }

    private void coffee(String org, LocalDate vietGapValidTo) {
        TestData.createProduct(anonymous, org, "Cà phê Robusta " + TestData.unique("r"), "COFFEE", Map.of("certifications",
                List.of(Map.of("scheme", "VietGAP", "number", "VG-" + TestData.unique("n"), "validTo", vietGapValidTo.toString()))));
    }

    private Map<String, Object> eligibility(String language, String org, String program) {
        List<Map<String, Object>> all = CourseFlowTests.in(alliance, language).document(ELIGIBLE).variable("o", org).execute()
                .path("eligiblePrograms").entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .get();
        return all.stream().filter(e -> ((Map<?, ?>) e.get("program")).get("id").equals(program)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Map<String, Object> eligibility, String kind) {
        return ((List<Map<String, Object>>) eligibility.get("checks")).stream().filter(c -> kind.equals(c.get("kind"))).findFirst()
                .orElseThrow();
    }

    @Test
    void everyRuleIsCheckedAndExplainedInBothLanguages() {
        String program = coffeeLoan();
        // Meets everything: four years old, 12 members, coffee, verified, active (a product listed), VietGAP valid.
        String good = cooperative("Đắk Lắk", year - 4, 12, "Cà phê");
        verify(good);
        coffee(good, LocalDate.now().plusYears(1));
        Map<String, Object> vi = eligibility("vi", good, program);
        assertThat(vi.get("eligible")).isEqualTo(true);
        assertThat((List<?>) vi.get("lacking")).isEmpty();
        assertThat(check(vi, "MIN_YEARS_OPERATING").get("explanation")).isEqualTo("Đã hoạt động 4 năm (yêu cầu ≥ 2)");
        assertThat(check(vi, "MIN_MEMBERS").get("explanation")).isEqualTo("Có 12 thành viên (yêu cầu ≥ 7)");
        assertThat(check(vi, "VALID_CERTIFICATION").get("explanation")).isEqualTo("Có chứng nhận VietGAP còn hiệu lực");
        assertThat(check(vi, "PROVINCES").get("explanation")).isEqualTo("Ở Đắk Lắk, trong địa bàn của chương trình");
        assertThat(check(vi, "ORGANIZATION_KINDS").get("explanation")).isEqualTo("Loại hình: hợp tác xã, thuộc diện được hỗ trợ");
        assertThat(check(vi, "VERIFIED_ONLY").get("explanation")).isEqualTo("Đã được Liên minh Hợp tác xã xác minh");
        assertThat((String) check(vi, "NOT_PAPER_ONLY").get("explanation")).startsWith("Có hoạt động trên hệ thống, gần nhất vào ");
        assertThat(check(vi, "SECTORS").get("explanation")).isEqualTo("Ngành hoạt động thuộc diện hỗ trợ (đã khai: Cà phê)");
        Map<String, Object> en = eligibility("en", good, program);
        assertThat(check(en, "MIN_YEARS_OPERATING").get("explanation")).isEqualTo("Operating for 4 years (required ≥ 2)");
        assertThat(check(en, "VALID_CERTIFICATION").get("explanation")).isEqualTo("Holds a valid VietGAP certificate");

        // Meets none of the organization's own rules: Gia Lai, one year, 5 members, pepper, unverified, VietGAP expired.
        String weak = cooperative("Gia Lai", year - 1, 5, "Hồ tiêu");
        coffee(weak, LocalDate.now().minusDays(3));
        Map<String, Object> no = eligibility("vi", weak, program);
        assertThat(no.get("eligible")).isEqualTo(false);
        assertThat((List<String>) no.get("lacking")).containsExactly(
                "Ở Gia Lai, ngoài địa bàn của chương trình (Đắk Lắk)",
                "Không có ngành hoạt động nào thuộc diện hỗ trợ (đã khai: Hồ tiêu)",
                "Mới có 5 thành viên (yêu cầu ≥ 7)",
                "Mới hoạt động 1 năm (yêu cầu ≥ 2)",
                "Chưa được Liên minh Hợp tác xã xác minh",
                "Thiếu chứng nhận VietGAP còn hiệu lực");
        assertThat(check(no, "ORGANIZATION_KINDS").get("met")).isEqualTo(true);
        assertThat(check(no, "NOT_PAPER_ONLY").get("met")).isEqualTo(true);
        Map<String, Object> noEn = eligibility("en", weak, program);
        assertThat((List<String>) noEn.get("lacking")).contains("Lacks a valid VietGAP certificate", "Only 5 members (required ≥ 7)",
                "Located in Gia Lai, outside the programme's area (Đắk Lắk)");

        // Registered two years ago and never active: paper only. Nothing declared: members and years unknown.
        String paper = admin.document("""
                mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }""")
                .variable("i", Map.of("kind", "COOPERATIVE", "name", TestData.unique("HTX giấy "), "province", "Đắk Lắk"))
                .execute().path("createOrganization.organization.id").entity(String.class).get();
        jdbc.update("UPDATE organization SET created_at = ? WHERE id = ?",
                Timestamp.from(java.time.Instant.now().minus(730, ChronoUnit.DAYS)), GlobalId.decode("id", paper).id());
        Map<String, Object> p = eligibility("vi", paper, program);
        assertThat(check(p, "NOT_PAPER_ONLY")).containsEntry("met", false)
                .containsEntry("explanation", "Chưa từng hoạt động trên hệ thống (hợp tác xã chỉ trên giấy)");
        assertThat(check(p, "MIN_MEMBERS")).containsEntry("met", false)
                .containsEntry("explanation", "Chưa khai báo số thành viên (yêu cầu ≥ 7)");
        assertThat(check(p, "MIN_YEARS_OPERATING").get("explanation")).isEqualTo("Chưa khai báo năm thành lập (yêu cầu ≥ 2 năm hoạt động)");

        // A retail chain is not a kind the programme is for.
        String chain = TestData.createOrganization(anonymous, TestData.unique("Chuỗi "), "RETAIL_CHAIN", "Đắk Lắk");
        assertThat(check(eligibility("vi", chain, program), "ORGANIZATION_KINDS"))
                .containsEntry("met", false).containsEntry("explanation", "Loại hình: chuỗi bán lẻ, không thuộc diện được hỗ trợ");

        // The reverse for the Alliance: the good one, not the others; members of a cooperative may not ask.
        List<String> eligible = alliance.document("""
                query($p: ID!) { eligibleCooperatives(programId: $p, first: 100) { totalCount edges { node { organization { id } eligible } } } }""")
                .variable("p", program).execute()
                .path("eligibleCooperatives.edges[*].node.organization.id").entityList(String.class).get();
        assertThat(eligible).contains(good).doesNotContain(weak, paper, chain);
        CourseFixtures.Party member = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX thành viên ", "Đắk Lắk", null);
        member.as().document("query($p: ID!) { eligibleCooperatives(programId: $p) { totalCount } }").variable("p", program).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
        // A member asks for their own cooperative, not for another.
        member.as().document(ELIGIBLE).variable("o", member.organizationId()).execute()
                .path("eligiblePrograms[*].program.id").entityList(String.class).contains(program);
        member.as().document(ELIGIBLE).variable("o", good).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
    }

    @Test
    void eligibilityOfOneOrganizationCostsTheSameForOneProgrammeOrMany() {
        String good = cooperative("Đắk Lắk", year - 3, 9, "Cà phê");
        coffee(good, LocalDate.now().plusYears(1));
        coffeeLoan();
        int one = statements(good);
        coffeeLoan();
        coffeeLoan();
        int three = statements(good);
        // Caller; open programmes (IDs, rules, rows); the organization; its applications; its products (IDs, rows); one per
        // activity source.
        assertThat(three).as(String.join("\n", sql.statements())).isEqualTo(one).isLessThanOrEqualTo(16);
        System.out.printf("eligiblePrograms: %d SQL statements however many programmes%n", three);
    }

    @Test
    void theAlliancesListCostsTheSameForFewOrManyCooperativesThatMeetTheRules() {
        String program = coffeeLoan();
        qualifying();
        int few = cooperativesStatements(program);
        for (int i = 0; i < 3; i++) {
            qualifying();
        }
        int many = cooperativesStatements(program);
        // Certificates are read for a whole chunk of cooperatives at once, not per cooperative.
        assertThat(many).as(String.join("\n", sql.statements())).isEqualTo(few);
        System.out.printf("eligibleCooperatives: %d SQL statements for 1 or 4 more qualifying cooperatives%n", many);
    }

    /** A verified coffee cooperative in Đắk Lắk with a valid VietGAP certificate: it meets every rule. */
    private void qualifying() {
        String org = cooperative("Đắk Lắk", year - 3, 9, "Cà phê");
        verify(org);
        coffee(org, LocalDate.now().plusYears(1));
    }

    private int cooperativesStatements(String program) {
        sql.reset();
        alliance.document("query($p: ID!) { eligibleCooperatives(programId: $p, first: 100) { totalCount } }")
                .variable("p", program).execute().path("eligibleCooperatives.totalCount").entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive());
        return sql.count();
    }

    private int statements(String org) {
        sql.reset();
        alliance.document(ELIGIBLE).variable("o", org).execute().path("eligiblePrograms").entityList(Object.class).hasSizeGreaterThan(0);
        return sql.count();
    }

    @Test
    void rulesAreCheckedFieldByFieldAndNothingIsWrittenWhenOneIsWrong() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM support_program", Integer.class);
        Map<String, Object> in = new HashMap<>();
        in.put("name", "Hỗ trợ chuyển đổi số");
        in.put("kind", "DIGITAL_TRANSFORMATION");
        in.put("legalBasisKind", "PROVINCIAL_RESOLUTION");
        in.put("legalBasis", "Nghị quyết HĐND tỉnh");
        in.put("provider", "Sở Khoa học và Công nghệ");
        in.put("budgetVnd", -5);
        in.put("opensOn", LocalDate.now().toString());
        in.put("closesOn", LocalDate.now().plusDays(30).toString());
        in.put("rules", List.of(
                Map.of("kind", "PROVINCES", "provinces", List.of("Hà Nội", "' OR 1=1 --")),
                Map.of("kind", "MIN_MEMBERS", "minimum", -1),
                Map.of("kind", "PROVINCES", "provinces", List.of("Huế")),
                Map.of("kind", "VALID_CERTIFICATION", "certificationSchemes", List.of("Không có chứng nhận này")),
                Map.of("kind", "SECTORS")));
        alliance.document(CREATE).variable("i", in).execute()
                .path("createSupportProgram.program").valueIsNull()
                .path("createSupportProgram.errors[*].field").entityList(List.class).satisfies(f -> assertThat(f).contains(
                        List.of("input", "budgetVnd"), List.of("input", "rules", "0", "provinces", "1"),
                        List.of("input", "rules", "1", "minimum"), List.of("input", "rules", "2", "kind"),
                        List.of("input", "rules", "3", "certificationSchemes", "0"), List.of("input", "rules", "4", "sectors")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_program", Integer.class)).isEqualTo(before);
        CourseFixtures.Party member = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Huế", null);
        member.as().document(CREATE).variable("i", in).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getExtensions().get("code")).containsExactly("FORBIDDEN"));
    }
}
