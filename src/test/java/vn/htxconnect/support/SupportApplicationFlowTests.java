package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.CourseFixtures.Party;
import vn.htxconnect.testing.IntegrationTest;

/**
 * An application from submission to repayment: request for information and answer, approval within the amount per
 * beneficiary and the budget, disbursement in instalments, repayment and the outstanding balance; the history and
 * the cooperative's notifications; "not funded within N years" and "has applied" in eligibility; the wrong steps.
 */
@IntegrationTest
class SupportApplicationFlowTests {

    @Autowired
    HttpGraphQlTester anonymous;

    static final String READ = """
            query($id: ID!) { supportApplication(id: $id) { status requestedVnd approvedVnd disbursedVnd repaidVnd outstandingVnd
              firstDisbursedOn program { id } organization { id } province { code }
              history { kind fromStatus toStatus amountVnd on note by } } }""";

    @Test
    void anApplicationGoesFromSubmissionThroughDisbursementAndRepayment() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        String program = SupportFixtures.program(alliance, "PREFERENTIAL_LOAN", 1_000_000_000L, 300_000_000L);
        Party coop = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX cà phê ", "Đắk Lắk", null);

        // Above the amount per beneficiary, an http link and too many attachments: each named by its field.
        HttpGraphQlTester.Response bad = SupportFixtures.apply(coop, program, 400_000_000L, List.of("http://a.vn/x.pdf"));
        assertThat(SupportFixtures.errors(bad, "applyForSupport"))
                .containsExactlyInAnyOrder("amountVnd:OUT_OF_RANGE", "attachments.0:INVALID");

        String app = SupportFixtures.applied(coop, program, 250_000_000L);
        SupportFixtures.apply(coop, program, 100_000_000L, List.of()).path("applyForSupport.errors[0].code").entity(String.class)
                .isEqualTo("DUPLICATE");

        SupportFixtures.review(alliance, app, "REQUEST_INFO", null, "Bổ sung báo cáo tài chính 2 năm gần nhất")
                .path("reviewSupportApplication.application.status").entity(String.class).isEqualTo("INFO_REQUESTED");
        // Deciding while the cooperative has not answered is a wrong step.
        SupportFixtures.review(alliance, app, "APPROVE", 200_000_000L, null)
                .path("reviewSupportApplication.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        coop.as().document(SupportFixtures.ANSWER).variable("i", Map.of("applicationId", app,
                        "answer", "Đã gửi báo cáo tài chính", "amountVnd", 220_000_000L,
                        "attachments", List.of("https://drive.example.vn/ho-so/bctc-2024.pdf")))
                .execute().path("answerSupportApplication.errors").entityList(Object.class).hasSize(0)
                .path("answerSupportApplication.application.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("answerSupportApplication.application.requestedVnd").entity(Long.class).isEqualTo(220_000_000L);

        // Not above what was asked.
        SupportFixtures.review(alliance, app, "APPROVE", 230_000_000L, null)
                .path("reviewSupportApplication.errors[0].field").entityList(String.class).containsExactly("input", "amountVnd");
        SupportFixtures.review(alliance, app, "APPROVE", 200_000_000L, "Duyệt 200 triệu")
                .path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0)
                .path("reviewSupportApplication.application.status").entity(String.class).isEqualTo("APPROVED")
                .path("reviewSupportApplication.application.approvedVnd").entity(Long.class).isEqualTo(200_000_000L);

        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        SupportFixtures.pay(alliance, SupportFixtures.REPAY, app, 1_000_000L, today)
                .path("recordSupportRepayment.errors[0].field").entityList(String.class).containsExactly("input", "amountVnd");
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, app, 120_000_000L, today)
                .path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0)
                .path("recordSupportDisbursement.application.firstDisbursedOn").entity(String.class).isEqualTo(today.toString());
        // 80 million are left to disburse: 90 is refused, naming the field; nothing is written.
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, app, 90_000_000L, today)
                .path("recordSupportDisbursement.errors[0].field").entityList(String.class).containsExactly("input", "amountVnd")
                .path("recordSupportDisbursement.errors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, app, 80_000_000L, today)
                .path("recordSupportDisbursement.application.disbursedVnd").entity(Long.class).isEqualTo(200_000_000L)
                .path("recordSupportDisbursement.application.outstandingVnd").entity(Long.class).isEqualTo(200_000_000L);
        SupportFixtures.pay(alliance, SupportFixtures.REPAY, app, 50_000_000L, today)
                .path("recordSupportRepayment.errors").entityList(Object.class).hasSize(0)
                .path("recordSupportRepayment.application.outstandingVnd").entity(Long.class).isEqualTo(150_000_000L);

        coop.as().document(READ).variable("id", app).execute()
                .path("supportApplication.history[*].kind").entityList(String.class)
                .containsExactly("SUBMITTED", "INFO_REQUESTED", "ANSWERED", "APPROVED", "DISBURSED", "DISBURSED", "REPAID")
                .path("supportApplication.history[1].note").entity(String.class).isEqualTo("Bổ sung báo cáo tài chính 2 năm gần nhất")
                .path("supportApplication.history[3].fromStatus").entity(String.class).isEqualTo("SUBMITTED")
                .path("supportApplication.history[3].toStatus").entity(String.class).isEqualTo("APPROVED")
                .path("supportApplication.history[3].by").entity(String.class).satisfies(by -> assertThat(by).isNotBlank())
                .path("supportApplication.province.code").entity(String.class).isEqualTo("66")
                .path("supportApplication.repaidVnd").entity(Long.class).isEqualTo(50_000_000L);

        // The cooperative was told at every step the Alliance took, in its language.
        List<String> kinds = coop.as().document("query($o: ID!) { notifications(organizationId: $o, first: 20) { edges { node { kind } } } }")
                .variable("o", coop.organizationId()).execute().path("notifications.edges[*].node.kind").entityList(String.class).get();
        assertThat(kinds).containsExactly("SUPPORT_REPAYMENT_RECORDED", "SUPPORT_DISBURSED", "SUPPORT_DISBURSED",
                "SUPPORT_APPLICATION_APPROVED", "SUPPORT_INFO_REQUESTED", "SUPPORT_APPLICATION_RECEIVED");
        CourseFlowTests.in(coop.as(), "en").document("query($o: ID!) { notifications(organizationId: $o, first: 1) { edges { node { message } } } }")
                .variable("o", coop.organizationId()).execute().path("notifications.edges[0].node.message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("50.000.000").contains("outstanding: 150.000.000"));

        // Funded now: the "not within 3 years" rule is not met, explained from the day of approval, and it has applied.
        String day = today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Map<String, Object> e = eligibility(coop, program, "vi");
        assertThat(e.get("eligible")).isEqualTo(false);
        assertThat(e.get("applied")).isEqualTo(true);
        assertThat(e.get("lacking")).isEqualTo(List.of("Đã được chương trình này hỗ trợ ngày " + day + ", chưa đủ 3 năm"));
        assertThat(eligibility(coop, program, "en").get("lacking"))
                .isEqualTo(List.of("Funded by this programme on " + day + ", less than 3 years ago"));
        // And a new application is refused for that reason.
        SupportFixtures.apply(coop, program, 10_000_000L, List.of()).path("applyForSupport.errors[0].field").entityList(String.class).containsExactly("input", "programId");
    }

    @Test
    void theAllianceSeesWhoQualifiesAndHasNotApplied() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        String program = SupportFixtures.program(alliance, "GRANT", 500_000_000L, 50_000_000L);
        Party applied = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX lúa ", "Cần Thơ", null);
        Party other = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX lúa ", "Cần Thơ", null);
        Party rejected = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX lúa ", "Cần Thơ", null);
        SupportFixtures.applied(applied, program, 40_000_000L);
        String r = SupportFixtures.applied(rejected, program, 40_000_000L);
        SupportFixtures.review(alliance, r, "REJECT", null, null).path("reviewSupportApplication.errors[0].field").entityList(String.class).containsExactly("input", "note");
        SupportFixtures.review(alliance, r, "REJECT", null, "Phương án chưa khả thi")
                .path("reviewSupportApplication.application.status").entity(String.class).isEqualTo("REJECTED");
        // A rejected one cannot then be approved.
        SupportFixtures.review(alliance, r, "APPROVE", 10_000_000L, null)
                .path("reviewSupportApplication.errors[0].code").entity(String.class).isEqualTo("CONFLICT");

        List<Map<String, Object>> all = lastPage(alliance, program, false);
        Map<String, Boolean> marks = new java.util.HashMap<>();
        all.forEach(n -> marks.put((String) ((Map<?, ?>) n.get("organization")).get("id"), (Boolean) n.get("applied")));
        assertThat(marks).containsEntry(applied.organizationId(), true).containsEntry(rejected.organizationId(), true)
                .containsEntry(other.organizationId(), false);
        List<String> notApplied = lastPage(alliance, program, true).stream()
                .map(n -> (String) ((Map<?, ?>) n.get("organization")).get("id")).toList();
        assertThat(notApplied).contains(other.organizationId()).doesNotContain(applied.organizationId(), rejected.organizationId());

        // Rejected: it may apply again (one live application per programme, not one ever).
        SupportFixtures.applied(rejected, program, 30_000_000L);
        // Others may not read an application; a grant takes no repayment.
        other.as().document(READ).variable("id", r).execute().errors().expect(err -> "FORBIDDEN".equals(err.getExtensions().get("code")))
                .verify();
    }

    /**
     * The last 50 eligible cooperatives (the list is in order of registration, and the shared test database holds
     * those of every other test before these).
     */
    private static List<Map<String, Object>> lastPage(HttpGraphQlTester alliance, String program, boolean notApplied) {
        String query = """
                query($p: ID!, $n: Boolean, $a: String) { eligibleCooperatives(programId: $p, notApplied: $n, first: 50, after: $a) {
                  totalCount edges { node { organization { id } applied } } } }""";
        int total = alliance.document(query).variable("p", program).variable("n", notApplied).execute()
                .path("eligibleCooperatives.totalCount").entity(Integer.class).get();
        return nodes(alliance.document(query).variable("p", program).variable("n", notApplied)
                .variable("a", vn.htxconnect.platform.Cursors.offset(Math.max(0, total - 50))).execute());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(HttpGraphQlTester.Response r) {
        return r.path("eligibleCooperatives.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static Map<String, Object> eligibility(Party coop, String program, String language) {
        List<Map<String, Object>> all = CourseFlowTests.in(coop.as(), language).document("""
                        query($o: ID!) { eligiblePrograms(organizationId: $o) { program { id } eligible applied lacking } }""")
                .variable("o", coop.organizationId()).execute().path("eligiblePrograms")
                .entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();
        return all.stream().filter(e -> ((Map<?, ?>) e.get("program")).get("id").equals(program)).findFirst().orElseThrow();
    }
}
