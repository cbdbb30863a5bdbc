package vn.htxconnect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.htxconnect.organization.ActivitySource;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.CourseFixtures.Party;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.SqlStatementCounter;

/**
 * The fund's figures from applications with known dates and amounts: counts, sums, medians of days, beneficiaries
 * and spread, reach; and their cost in SQL statements, the same for one programme as for the whole history.
 */
@IntegrationTest
class SupportFiguresTests {

    static final String FIGURES = """
            query($f: SupportFigureFilter) { supportFigures(filter: $f) {
              total { applications approvals rejections pending requestedVnd approvedVnd disbursedVnd repaidVnd }
              medianDaysToDecision medianDaysToFirstDisbursement
              byProgram { program { id name } budgetVnd committedVnd programDisbursedVnd beneficiaries applicants
                amountPerBeneficiary { min median max } medianDaysToDecision medianDaysToFirstDisbursement
                amounts { applications approvals approvedVnd disbursedVnd repaidVnd } }
              byProvince { province { code name } amounts { applications } }
              bySector { sectorCode sectorName amounts { applications } } } }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatementCounter sql;
    @Autowired
    List<ActivitySource> activitySources;

    @Test
    void figuresCountAmountsMediansAndSpread() {
        HttpGraphQlTester alliance = CourseFixtures.alliance(anonymous);
        String program = SupportFixtures.program(alliance, "PREFERENTIAL_LOAN", 1_000_000_000L, 300_000_000L);
        Party a = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Đắk Lắk", null);
        Party b = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Đắk Lắk", null);
        Party c = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Lâm Đồng", null);
        Party d = CourseFixtures.register(anonymous, "COOPERATIVE", "HTX ", "Lâm Đồng", null);
        String appA = SupportFixtures.applied(a, program, 200_000_000L);
        String appB = SupportFixtures.applied(b, program, 100_000_000L);
        String appC = SupportFixtures.applied(c, program, 300_000_000L);
        String appD = SupportFixtures.applied(d, program, 50_000_000L);
        Instant now = Instant.now();
        // A: submitted 10 days ago, approved 6 days ago, first paid 1 day ago (5 days after approval).
        // B: submitted 12 days ago, rejected now. C: submitted 2 days ago, approved now, paid today. D: pending.
        at(appA, now.minus(10, ChronoUnit.DAYS));
        at(appB, now.minus(12, ChronoUnit.DAYS));
        at(appC, now.minus(2, ChronoUnit.DAYS));
        SupportFixtures.review(alliance, appA, "APPROVE", 150_000_000L, null).path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        jdbc.update("UPDATE support_application SET decided_at = ? WHERE id = ?", Timestamp.from(now.minus(6, ChronoUnit.DAYS)), id(appA));
        SupportFixtures.review(alliance, appB, "REJECT", null, "Thiếu phương án").path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        SupportFixtures.review(alliance, appC, "APPROVE", 250_000_000L, null).path("reviewSupportApplication.errors").entityList(Object.class).hasSize(0);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, appA, 100_000_000L, today.minusDays(1))
                .path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0);
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, appA, 50_000_000L, today)
                .path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0);
        SupportFixtures.pay(alliance, SupportFixtures.DISBURSE, appC, 100_000_000L, today)
                .path("recordSupportDisbursement.errors").entityList(Object.class).hasSize(0);
        SupportFixtures.pay(alliance, SupportFixtures.REPAY, appA, 30_000_000L, today)
                .path("recordSupportRepayment.errors").entityList(Object.class).hasSize(0);

        HttpGraphQlTester.Response r = alliance.document(FIGURES).variable("f", Map.of("programId", program)).execute();
        r.path("supportFigures.total").entity(Map.class).isEqualTo(Map.of("applications", 4, "approvals", 2, "rejections", 1,
                        "pending", 1, "requestedVnd", 650_000_000, "approvedVnd", 400_000_000, "disbursedVnd", 250_000_000,
                        "repaidVnd", 30_000_000))
                // Decisions after 4 (A), 12 (B) and 2 (C) days: median 4. First payments 5 (A) and 0 (C) days after approval.
                .path("supportFigures.medianDaysToDecision").entity(Double.class).isEqualTo(4.0)
                .path("supportFigures.medianDaysToFirstDisbursement").entity(Double.class).isEqualTo(2.5)
                .path("supportFigures.byProgram").entityList(Object.class).hasSize(1)
                .path("supportFigures.byProgram[0].program.id").entity(String.class).isEqualTo(program)
                .path("supportFigures.byProgram[0].committedVnd").entity(Long.class).isEqualTo(400_000_000L)
                .path("supportFigures.byProgram[0].programDisbursedVnd").entity(Long.class).isEqualTo(250_000_000L)
                .path("supportFigures.byProgram[0].beneficiaries").entity(Integer.class).isEqualTo(2)
                .path("supportFigures.byProgram[0].applicants").entity(Integer.class).isEqualTo(4)
                .path("supportFigures.byProgram[0].amountPerBeneficiary").entity(Map.class)
                .isEqualTo(Map.of("min", 150_000_000, "median", 200_000_000, "max", 250_000_000))
                .path("supportFigures.byProvince[*].province.code").entityList(String.class).containsExactly("66", "68")
                .path("supportFigures.byProvince[*].amounts.applications").entityList(Integer.class).containsExactly(2, 2);

        // Reach: the four that applied against those that qualify and have not.
        HttpGraphQlTester.Response reach = alliance.document("""
                query($f: SupportFigureFilter) { supportFigures(filter: $f) { byProgram { reach { applied eligibleNotApplied share } } } }""")
                .variable("f", Map.of("programId", program)).execute();
        int notApplied = alliance.document("query($p: ID!) { eligibleCooperatives(programId: $p, notApplied: true, first: 1) { totalCount } }")
                .variable("p", program).execute().path("eligibleCooperatives.totalCount").entity(Integer.class).get();
        reach.path("supportFigures.byProgram[0].reach.applied").entity(Integer.class).isEqualTo(4)
                .path("supportFigures.byProgram[0].reach.eligibleNotApplied").entity(Integer.class).isEqualTo(notApplied)
                .path("supportFigures.byProgram[0].reach.share").entity(Double.class).isEqualTo(4.0 / (4 + notApplied));

        // A partner key reads the figures with insight:read; a cooperative's member does not.
        a.as().document(FIGURES).execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();

        // Cost: the same statements for one programme as for the whole history (every application of every test).
        sql.reset();
        alliance.document(FIGURES).variable("f", Map.of("programId", program)).execute().path("supportFigures.total.applications")
                .entity(Integer.class).isEqualTo(4);
        int one = sql.count();
        String oneSql = String.join("\n", sql.statements());
        sql.reset();
        alliance.document(FIGURES).execute().path("supportFigures.total.applications").entity(Integer.class)
                .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(4));
        int all = sql.count();
        assertThat(all).as(oneSql + "\n----\n" + String.join("\n", sql.statements())).isEqualTo(one);
        // Caller; applications of the period; programmes' sums; programmes and their rules.
        assertThat(all).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(6);
        System.out.printf("Support figures: %d SQL statements for one programme, %d for the whole history%n", one, all);

        // Reach for every programme with applications: one walk of the cooperatives for all of them. Per chunk of
        // 1,000 cooperatives: the chunk, one statement per activity source, two for certificates; once: the
        // programmes and their rules, who applied (counted and listed).
        String reachAll = "{ supportFigures { byProgram { program { id } reach { share } } } }";
        sql.reset();
        int programmes = alliance.document(reachAll).execute().path("supportFigures.byProgram").entityList(Object.class).get().size();
        int withReach = sql.count();
        assertThat(programmes).as("programmes with applications").isGreaterThanOrEqualTo(2);
        Long cooperatives = jdbc.queryForObject("SELECT COUNT(*) FROM organization WHERE kind IN "
                + "('COOPERATIVE','COOPERATIVE_UNION','COOPERATIVE_GROUP')", Long.class);
        long chunks = cooperatives / 1000 + 1;
        long bound = all + 4 + chunks * (activitySources.size() + 3);
        assertThat((long) withReach).as(String.join("\n", sql.statements())).isLessThanOrEqualTo(bound);
        System.out.printf("Support figures with reach: %d SQL statements for %d programmes (%d cooperatives)%n",
                withReach, programmes, cooperatives);
    }

    private void at(String application, Instant submitted) {
        jdbc.update("UPDATE support_application SET submitted_at = ? WHERE id = ?", Timestamp.from(submitted), id(application));
    }

    private static long id(String global) {
        return GlobalId.decode("id", global).id();
    }
}
