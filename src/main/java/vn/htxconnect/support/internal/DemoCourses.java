package vn.htxconnect.support.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.ApplicationInputs.ApplyForSupportInput;
import vn.htxconnect.support.ApplicationInputs.ReviewSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.SupportApplicationPayload;
import vn.htxconnect.support.ApplicationInputs.SupportPaymentInput;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseDemo;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;
import vn.htxconnect.support.CourseInputs.CourseAttendanceEntry;
import vn.htxconnect.support.CourseInputs.CoursePayload;
import vn.htxconnect.support.CourseInputs.CourseRegistrationPayload;
import vn.htxconnect.support.CourseInputs.CreateCourseInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendanceInput;
import vn.htxconnect.support.CourseInputs.RegisterForCourseInput;
import vn.htxconnect.support.CourseService;
import vn.htxconnect.support.ProgramInputs.CreateSupportProgramInput;
import vn.htxconnect.support.ProgramInputs.EligibilityRuleInput;
import vn.htxconnect.support.SupportApplication;
import vn.htxconnect.support.SupportProgram;
import vn.htxconnect.support.SupportProgram.RuleKind;

/** Writes the demo courses through {@link CourseService} (so they are validated like any other), as the system. */
@Component
class DemoCourses implements CourseDemo {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Thu"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long",
            "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"};

    private final CourseService courses;
    private final OrganizationService organizations;
    private final JdbcTemplate jdbc;
    private final ProgramManagement programs;
    private final ApplicationManagement applications;

    DemoCourses(CourseService courses, OrganizationService organizations, JdbcTemplate jdbc, ProgramManagement programs,
                ApplicationManagement applications) {
        this.applications = applications;
        this.courses = courses;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.programs = programs;
    }

    @Override
    public int load() {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM course", Integer.class);
        return existing != null && existing > 0 ? 0 : loadCourses();
    }

    /** Loads the demo courses whatever is there already (the cooperatives they name are the first 40 there are). */
    int loadCourses() {
        return Access.asSystem(() -> {
            List<Organization> coops = organizations.cooperativesIn(null, 0, 400).stream().filter(Organization::active).limit(40).toList();
            int n = 0;
            // Held three months ago in Đắk Lắk: 30 young would-be founders, two of whom have since founded a cooperative.
            String law = create(Kind.COOPERATIVE_LAW_FOR_FOUNDERS, "Tập huấn Luật Hợp tác xã 2023 cho thanh niên khởi nghiệp",
                    "Luật HTX số 17/2023/QH15, Nghị định 113/2024/NĐ-CP: thành lập, quản trị và chính sách hỗ trợ HTX.",
                    "Đắk Lắk", "Hội trường Liên minh HTX tỉnh Đắk Lắk, Buôn Ma Thuột", null, 50, List.of(Audience.FOUNDERS));
            List<String> founders = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                founders.add(register(law, person(i), "0905%06d".formatted(120_000 + i * 371), Audience.FOUNDERS, null));
            }
            Instant lawStart = startedDaysAgo(law, 90);
            List<CourseAttendanceEntry> lawEntries = new ArrayList<>();
            for (int i = 0; i < founders.size(); i++) {
                lawEntries.add(new CourseAttendanceEntry(founders.get(i), i < 26, i < 22));
            }
            courses.recordAttendance(new RecordCourseAttendanceInput(law, lawEntries, null));
            for (int i = 0; i < 2; i++) {
                organizations.create(new OrganizationInput(null, null, OrganizationKind.COOPERATIVE,
                        "HTX Thanh niên khởi nghiệp " + (i == 0 ? "Cư M'gar" : "Krông Pắc"), null, lawStart.atZone(VietnamTime.ZONE).getYear(),
                        7, null, "Đắk Lắk", null, null, null, person(i), "0905%06d".formatted(120_000 + i * 371), null, null,
                        "Thành lập sau lớp tập huấn Luật HTX 2023 cho thanh niên.", null));
            }
            n++;
            // Held a month ago: cooperative directors and accountants, each sent by their cooperative.
            String mgmt = create(Kind.MANAGEMENT_AND_ACCOUNTING, "Bồi dưỡng quản trị và kế toán cho giám đốc HTX",
                    "Lập kế hoạch kinh doanh, chế độ kế toán HTX, quản lý vốn và phân phối thu nhập.", "Cần Thơ",
                    "Trường Chính trị thành phố Cần Thơ", null, 40, List.of(Audience.MANAGERS));
            List<String> managers = new ArrayList<>();
            for (int i = 0; i < Math.min(18, coops.size()); i++) {
                managers.add(register(mgmt, person(40 + i), "0913%06d".formatted(300_000 + i * 577), Audience.MANAGERS,
                        coops.get(i).id()));
            }
            startedDaysAgo(mgmt, 30);
            List<CourseAttendanceEntry> mgmtEntries = new ArrayList<>();
            for (int i = 0; i < managers.size(); i++) {
                mgmtEntries.add(new CourseAttendanceEntry(managers.get(i), i % 6 != 5, i % 3 != 2));
            }
            if (!mgmtEntries.isEmpty()) {
                courses.recordAttendance(new RecordCourseAttendanceInput(mgmt, mgmtEntries, null));
            }
            n++;
            // Open for registration.
            String vietgap = create(Kind.VIETGAP_OCOP_PREPARATION, "Chuẩn bị chứng nhận VietGAP cho HTX rau, quả",
                    "Yêu cầu VietGAP (TCVN 11892-1:2017), ghi chép nhật ký sản xuất, đánh giá nội bộ.", "Lâm Đồng",
                    "Trung tâm Khuyến nông tỉnh Lâm Đồng, Đà Lạt", null, 35, List.of(Audience.MANAGERS, Audience.MEMBERS));
            for (int i = 0; i < Math.min(12, coops.size()); i++) {
                register(vietgap, person(70 + i), "0977%06d".formatted(500_000 + i * 733), Audience.MEMBERS, coops.get(coops.size() - 1 - i).id());
            }
            n++;
            create(Kind.DIGITAL_TRANSFORMATION, "Chuyển đổi số cho HTX: bán hàng trên sàn thương mại điện tử",
                    "Mở gian hàng, chụp ảnh sản phẩm, mã QR truy xuất nguồn gốc.", "Hà Nội", null,
                    "https://meet.lienminhhtx.vn/chuyen-doi-so", 200, List.of(Audience.MANAGERS, Audience.MEMBERS));
            programmes();
            applications(coops);
            return n + 1;
        });
    }

    /** Three programmes of the directory, open from a month ago for three months. */
    private void programmes() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        List<SupportProgramInput> list = List.of(
                new SupportProgramInput("Cho vay ưu đãi từ Quỹ hỗ trợ phát triển HTX tỉnh Đắk Lắk", SupportProgram.Kind.PREFERENTIAL_LOAN,
                        SupportProgram.LegalBasisKind.LAW_2023_AND_DECREES, "Luật HTX số 17/2023/QH15; Nghị định 113/2024/NĐ-CP",
                        "Quỹ hỗ trợ phát triển HTX tỉnh Đắk Lắk", 20_000_000_000L, 500_000_000L, List.of(
                        kinds(OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION),
                        new EligibilityRuleInput(RuleKind.PROVINCES, null, List.of("Đắk Lắk"), null, null, null),
                        new EligibilityRuleInput(RuleKind.MIN_YEARS_OPERATING, null, null, null, null, 2),
                        new EligibilityRuleInput(RuleKind.VERIFIED_ONLY, null, null, null, null, null),
                        new EligibilityRuleInput(RuleKind.NOT_PAPER_ONLY, null, null, null, null, null))),
                new SupportProgramInput("Hỗ trợ chứng nhận VietGAP và OCOP cho HTX", SupportProgram.Kind.GRANT,
                        SupportProgram.LegalBasisKind.NEW_COUNTRYSIDE_PROGRAMME,
                        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Sở Nông nghiệp và Môi trường",
                        5_000_000_000L, 50_000_000L, List.of(
                        kinds(OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_GROUP),
                        new EligibilityRuleInput(RuleKind.MIN_MEMBERS, null, null, null, null, 7),
                        new EligibilityRuleInput(RuleKind.NOT_PAPER_ONLY, null, null, null, null, null))),
                new SupportProgramInput("Hỗ trợ đưa cán bộ trẻ tốt nghiệp về làm việc tại HTX", SupportProgram.Kind.YOUNG_STAFF,
                        SupportProgram.LegalBasisKind.LAW_2023_AND_DECREES, "Nghị định 113/2024/NĐ-CP",
                        "Liên minh Hợp tác xã tỉnh", 3_000_000_000L, null, List.of(
                        kinds(OrganizationKind.COOPERATIVE),
                        new EligibilityRuleInput(RuleKind.MIN_YEARS_OPERATING, null, null, null, null, 1),
                        new EligibilityRuleInput(RuleKind.VALID_CERTIFICATION, null, null, null, List.of("VietGAP", "OCOP"), null))));
        for (SupportProgramInput p : list) {
            var payload = programs.create(new CreateSupportProgramInput(p.name(), p.kind(), p.basisKind(), p.basis(), p.provider(), null,
                    p.budget(), p.perBeneficiary(), today.minusDays(30), today.plusDays(90), p.rules(), null));
            if (payload.program() == null) {
                throw new IllegalStateException("Demo programme " + p.name() + " was refused: " + payload.errors());
            }
        }
    }

    /**
     * A working-capital loan of the development fund open to every cooperative form, with four applications in
     * different states: one approved a month ago, disbursed in two instalments and partly repaid; one waiting for
     * information; one rejected; one under review. Dates are moved back (demo data only) so the figures' medians of
     * days show something.
     */
    private void applications(List<Organization> coops) {
        if (coops.size() < 4) {
            return;
        }
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        var payload = programs.create(new CreateSupportProgramInput("Cho vay vốn lưu động từ Quỹ hỗ trợ phát triển HTX",
                SupportProgram.Kind.PREFERENTIAL_LOAN, SupportProgram.LegalBasisKind.LAW_2023_AND_DECREES,
                "Luật HTX số 17/2023/QH15; Nghị định 113/2024/NĐ-CP, Điều 6", "Quỹ hỗ trợ phát triển HTX tỉnh",
                "Vay vốn lưu động tối đa 36 tháng, lãi suất ưu đãi; hồ sơ gồm phương án sản xuất kinh doanh và báo cáo tài chính.",
                10_000_000_000L, 1_000_000_000L, today.minusDays(60), today.plusDays(120), List.of(
                kinds(OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION, OrganizationKind.COOPERATIVE_GROUP),
                new EligibilityRuleInput(RuleKind.NOT_FUNDED_WITHIN_YEARS, null, null, null, null, 3)), null));
        if (payload.program() == null) {
            throw new IllegalStateException("Demo loan programme was refused: " + payload.errors());
        }
        String program = payload.program().id();
        String approved = apply(program, coops.get(0), 600_000_000L, "Mua máy sấy nông sản và xây kho lạnh 200 m²");
        review(approved, SupportApplication.Decision.APPROVE, 500_000_000L, "Duyệt 500 triệu đồng theo phương án đã thẩm định");
        long id = GlobalId.decode("id", approved, SupportApplication.TYPE);
        Instant submitted = ZonedDateTime.now(VietnamTime.ZONE).minusDays(45).toInstant();
        Instant decided = ZonedDateTime.now(VietnamTime.ZONE).minusDays(30).toInstant();
        jdbc.update("UPDATE support_application SET submitted_at = ?, decided_at = ? WHERE id = ?", Timestamp.from(submitted),
                Timestamp.from(decided), id);
        jdbc.update("UPDATE support_application_event SET at = CASE kind WHEN 'SUBMITTED' THEN ? ELSE ? END WHERE application_id = ?",
                Timestamp.from(submitted), Timestamp.from(decided), id);
        pay(applications.disburse(new SupportPaymentInput(approved, 300_000_000L, today.minusDays(21), "Đợt 1", null)));
        pay(applications.disburse(new SupportPaymentInput(approved, 200_000_000L, today.minusDays(7), "Đợt 2", null)));
        pay(applications.repay(new SupportPaymentInput(approved, 25_000_000L, today.minusDays(2), "Trả gốc kỳ 1", null)));
        String info = apply(program, coops.get(1), 300_000_000L, "Vốn lưu động thu mua cà phê vụ mới");
        review(info, SupportApplication.Decision.REQUEST_INFO, null, "Bổ sung báo cáo tài chính năm gần nhất có xác nhận");
        String rejected = apply(program, coops.get(2), 1_000_000_000L, "Mở rộng diện tích trồng sầu riêng");
        review(rejected, SupportApplication.Decision.REJECT, null, "Phương án chưa chứng minh được đầu ra; có thể nộp lại");
        apply(program, coops.get(3), 200_000_000L, "Mua bao bì và tem truy xuất nguồn gốc cho sản phẩm OCOP");
    }

    private String apply(String program, Organization coop, long amount, String purpose) {
        SupportApplicationPayload p = applications.apply(new ApplyForSupportInput(program, coop.id(), amount, purpose,
                List.of("https://drive.lienminhhtx.vn/ho-so/phuong-an-" + coop.databaseId() + ".pdf"), null));
        return pay(p).id();
    }

    private void review(String application, SupportApplication.Decision decision, Long amount, String note) {
        pay(applications.review(new ReviewSupportApplicationInput(application, decision, amount, note, null, null)));
    }

    private static SupportApplication pay(SupportApplicationPayload p) {
        if (p.application() == null) {
            throw new IllegalStateException("Demo application step was refused: " + p.errors());
        }
        return p.application();
    }

    private record SupportProgramInput(String name, SupportProgram.Kind kind, SupportProgram.LegalBasisKind basisKind, String basis,
                                       String provider, long budget, Long perBeneficiary, List<EligibilityRuleInput> rules) {
    }

    private static EligibilityRuleInput kinds(OrganizationKind... kinds) {
        return new EligibilityRuleInput(RuleKind.ORGANIZATION_KINDS, List.of(kinds), null, null, null, null);
    }

    private String create(Kind kind, String title, String description, String province, String place, String url, int capacity,
                          List<Audience> audience) {
        OffsetDateTime starts = ZonedDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.DAYS).plusDays(21).withHour(8)
                .toOffsetDateTime();
        CoursePayload p = courses.create(new CreateCourseInput(kind, title, description, starts, starts.plusDays(1).withHour(17),
                place, url, province, capacity, audience, null, true, null));
        if (p.course() == null) {
            throw new IllegalStateException("Demo course " + title + " was refused: " + p.errors());
        }
        return p.course().id();
    }

    private String register(String course, String name, String phone, Audience audience, String organizationId) {
        CourseRegistrationPayload p = courses.register(new RegisterForCourseInput(course, audience, organizationId, name, phone, null));
        if (p.registration() == null) {
            throw new IllegalStateException("Demo registration " + name + " was refused: " + p.errors());
        }
        return p.registration().id();
    }

    /** Moves a demo course back so it was held {@code days} ago (8:00 to 17:00 the next day, Vietnam); returns its start. */
    private Instant startedDaysAgo(String course, int days) {
        Instant start = ZonedDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.DAYS).minusDays(days).withHour(8).toInstant();
        jdbc.update("UPDATE course SET starts_at = ?, ends_at = ? WHERE id = ?", Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofHours(33))), GlobalId.decode("id", course, Course.TYPE));
        return start;
    }

    private static String person(int i) {
        return FAMILY[i % FAMILY.length] + " " + MIDDLE[(i / 3) % MIDDLE.length] + " " + GIVEN[(i * 7) % GIVEN.length];
    }
}
