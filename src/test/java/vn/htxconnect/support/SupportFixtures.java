package vn.htxconnect.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.testing.TestData;

/** Programmes and applications for the support module's tests, made through the public API. */
public final class SupportFixtures {

    public static final String APPLY = """
            mutation($i: ApplyForSupportInput!) { applyForSupport(input: $i) {
              application { id status requestedVnd purpose attachments version }
              errors { field code message } } }""";
    public static final String ANSWER = """
            mutation($i: AnswerSupportApplicationInput!) { answerSupportApplication(input: $i) {
              application { id status requestedVnd version } errors { field code message } } }""";
    public static final String REVIEW = """
            mutation($i: ReviewSupportApplicationInput!) { reviewSupportApplication(input: $i) {
              application { id status approvedVnd note decidedAt version } errors { field code message } } }""";
    public static final String DISBURSE = """
            mutation($i: SupportPaymentInput!) { recordSupportDisbursement(input: $i) {
              application { id disbursedVnd firstDisbursedOn outstandingVnd } errors { field code message } } }""";
    public static final String REPAY = """
            mutation($i: SupportPaymentInput!) { recordSupportRepayment(input: $i) {
              application { id repaidVnd outstandingVnd } errors { field code message } } }""";

    private SupportFixtures() {
    }

    /** A payload's errors as {@code field:CODE}, the field path after "input" joined with dots ("attachments.0"). */
    @SuppressWarnings("unchecked")
    public static List<String> errors(HttpGraphQlTester.Response r, String payload) {
        r.errors().verify();
        return r.path(payload + ".errors").entityList(Map.class).get().stream().map(e -> {
            List<String> field = (List<String>) e.get("field");
            String path = field == null ? "" : String.join(".", field.subList(Math.min(1, field.size()), field.size()));
            return path + ":" + e.get("code");
        }).toList();
    }

    /** A programme open since 10 days ago for cooperatives, not funded by it within 3 years. */
    public static String program(HttpGraphQlTester alliance, String kind, long budget, Long perBeneficiary) {
        Map<String, Object> in = new HashMap<>();
        in.put("name", "Quỹ hỗ trợ phát triển HTX " + TestData.unique("p"));
        in.put("kind", kind);
        in.put("legalBasisKind", "LAW_2023_AND_DECREES");
        in.put("legalBasis", "Luật HTX số 17/2023/QH15; Nghị định 113/2024/NĐ-CP");
        in.put("provider", "Quỹ hỗ trợ phát triển HTX tỉnh");
        in.put("budgetVnd", budget);
        if (perBeneficiary != null) {
            in.put("amountPerBeneficiaryVnd", perBeneficiary);
        }
        in.put("opensOn", LocalDate.now(VietnamTime.ZONE).minusDays(10).toString());
        in.put("closesOn", LocalDate.now(VietnamTime.ZONE).plusDays(60).toString());
        in.put("rules", List.of(Map.of("kind", "ORGANIZATION_KINDS", "organizationKinds", List.of("COOPERATIVE")),
                Map.of("kind", "NOT_FUNDED_WITHIN_YEARS", "minimum", 3)));
        return alliance.document("""
                mutation($i: CreateSupportProgramInput!) { createSupportProgram(input: $i) { program { id } errors { field code message } } }""")
                .variable("i", in).execute()
                .path("createSupportProgram.errors").entityList(Object.class).hasSize(0)
                .path("createSupportProgram.program.id").entity(String.class).get();
    }

    public static HttpGraphQlTester.Response apply(CourseFixtures.Party coop, String program, long amount, List<String> attachments) {
        return coop.as().document(APPLY).variable("i", Map.of("programId", program, "organizationId", coop.organizationId(),
                "amountVnd", amount, "purpose", "Mua máy sấy cà phê và xây kho", "attachments", attachments)).execute();
    }

    public static String applied(CourseFixtures.Party coop, String program, long amount) {
        return apply(coop, program, amount, List.of("https://drive.example.vn/ho-so/phuong-an.pdf"))
                .path("applyForSupport.errors").entityList(Object.class).hasSize(0)
                .path("applyForSupport.application.id").entity(String.class).get();
    }

    public static HttpGraphQlTester.Response review(HttpGraphQlTester alliance, String application, String decision, Long amount,
                                                    String note) {
        Map<String, Object> in = new HashMap<>();
        in.put("applicationId", application);
        in.put("decision", decision);
        if (amount != null) {
            in.put("amountVnd", amount);
        }
        if (note != null) {
            in.put("note", note);
        }
        return alliance.document(REVIEW).variable("i", in).execute();
    }

    public static HttpGraphQlTester.Response pay(HttpGraphQlTester alliance, String document, String application, long amount,
                                                 LocalDate on) {
        return alliance.document(document).variable("i", Map.of("applicationId", application, "amountVnd", amount,
                "on", on.toString())).execute();
    }
}
