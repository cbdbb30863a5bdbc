package vn.htxconnect.support.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.support.ApplicationInputs.AnswerSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.ApplyForSupportInput;
import vn.htxconnect.support.ApplicationInputs.ReviewSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.SupportApplicationPayload;
import vn.htxconnect.support.ApplicationInputs.SupportPaymentInput;
import vn.htxconnect.support.Eligibility;
import vn.htxconnect.support.SupportApplication;
import vn.htxconnect.support.SupportApplication.EventKind;
import vn.htxconnect.support.SupportApplication.Status;
import vn.htxconnect.support.SupportProgram;

/**
 * Applications through disbursement. A cooperative's member applies to an open programme it is eligible for; the
 * Alliance asks for information, approves with an amount or rejects with a reason; it records disbursement in
 * instalments and, for loans, repayments. Every write locks the programme row first (then the application), so
 * approvals and disbursements of one programme run one after the other and the budget check and the running sums
 * move together; every step is a history row and a notification to the cooperative, in the same transaction.
 */
@Service
class ApplicationManagement {

    static final int MAX_ATTACHMENTS = 5;
    static final int MAX_URL = 500;
    static final int MAX_TEXT = 2000;

    private final ApplicationStore store;
    private final ProgramStore programs;
    private final ProgramEligibility eligibility;
    private final OrganizationService organizations;
    private final CategoryService categories;
    private final NotificationService notifications;

    ApplicationManagement(ApplicationStore store, ProgramStore programs, ProgramEligibility eligibility,
                          OrganizationService organizations, CategoryService categories, NotificationService notifications) {
        this.store = store;
        this.programs = programs;
        this.eligibility = eligibility;
        this.organizations = organizations;
        this.categories = categories;
        this.notifications = notifications;
    }

    @Transactional
    public SupportApplicationPayload apply(ApplyForSupportInput in) {
        Actor actor = Access.requireUser();
        long orgId = GlobalId.decode("organizationId", in.organizationId(), Organization.TYPE);
        if (!actor.memberOf(orgId) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "input.organizationId", Message.of("support.application.notMember"));
        }
        long programId = GlobalId.decode("programId", in.programId(), SupportProgram.TYPE);
        ValidationErrors errors = new ValidationErrors();
        Organization o = organizations.findById(orgId).orElse(null);
        SupportProgram p = programs.findByIds(List.of(programId)).get(programId);
        if (o == null) {
            errors.add("organizationId", UserErrorCode.NOT_FOUND, Message.of("organization.id.unknown", "organizationId"));
        } else if (!o.kind().isCooperative()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("support.application.notCooperative"));
        } else if (!o.active()) {
            errors.add("organizationId", UserErrorCode.INVALID, Message.of("support.application.organizationArchived"));
        }
        if (p == null) {
            errors.add("programId", UserErrorCode.NOT_FOUND, Message.of("support.program.notFound"));
        } else {
            LocalDate today = LocalDate.now(VietnamTime.ZONE);
            if (today.isBefore(p.opensOn()) || today.isAfter(p.closesOn())) {
                errors.add("programId", UserErrorCode.INVALID, Message.of("support.application.programNotOpen",
                        p.opensOn().toString(), p.closesOn().toString()));
            }
        }
        String purpose = errors.text("purpose", in.purpose(), MAX_TEXT, true);
        List<String> attachments = attachments(in.attachments(), errors);
        amount(in.amountVnd(), p, errors);
        if (!errors.hasErrors()) {
            Eligibility e = eligibility.forOrganization(o, List.of(p)).getFirst();
            if (!e.eligible()) {
                errors.add("programId", UserErrorCode.INVALID, Message.of("support.application.notEligible", e.lacking().getFirst()));
            } else if (store.hasLive(programId, orgId)) {
                errors.add("programId", UserErrorCode.DUPLICATE, Message.of("support.application.duplicate"));
            }
        }
        if (errors.hasErrors()) {
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        Instant now = Instant.now();
        SupportApplication a = new SupportApplication(0, programId, orgId, o.provinceCode(), sector(o), Status.SUBMITTED,
                in.amountVnd(), purpose, attachments, null, 0, 0, null, now, null, null, now, 0);
        long id;
        try {
            id = store.insert(a, actor.userId());
        } catch (DuplicateKeyException race) {
            // Two members applied at once: the unique key on the live application kept the second out.
            return new SupportApplicationPayload(null, List.of(UserError.of("programId",
                    UserErrorCode.DUPLICATE, Message.of("support.application.duplicate"))), in.clientMutationId());
        }
        store.addEvent(id, EventKind.SUBMITTED, null, Status.SUBMITTED, in.amountVnd(), null, null, actor.userId());
        notify(orgId, NotificationKind.SUPPORT_APPLICATION_RECEIVED, id, p, in.amountVnd(), null, null);
        return done(id, in.clientMutationId());
    }

    @Transactional
    public SupportApplicationPayload answer(AnswerSupportApplicationInput in) {
        Actor actor = Access.requireUser();
        long id = GlobalId.decode("applicationId", in.applicationId(), SupportApplication.TYPE);
        Long programId = store.programOf(id);
        if (programId == null) {
            throw ApiException.notFound(Message.of("support.application.notFound"));
        }
        SupportApplication a = store.lock(id);
        if (!actor.memberOf(a.organizationId()) && !actor.isAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        ValidationErrors errors = new ValidationErrors();
        stale(a, in.expectedVersion(), errors);
        if (a.status() != Status.INFO_REQUESTED) {
            errors.add("applicationId", UserErrorCode.CONFLICT, Message.of("support.application.notInfoRequested", a.status().name()));
        }
        String answer = errors.text("answer", in.answer(), MAX_TEXT, true);
        String purpose = in.purpose() == null ? a.purpose() : errors.text("purpose", in.purpose(), MAX_TEXT, true);
        List<String> attachments = in.attachments() == null ? a.attachments() : attachments(in.attachments(), errors);
        long amount = a.requestedVnd();
        if (in.amountVnd() != null) {
            amount(in.amountVnd(), programs.findByIds(List.of(programId)).get(programId), errors);
            amount = in.amountVnd();
        }
        if (errors.hasErrors()) {
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        store.update(with(a, Status.SUBMITTED, amount, purpose, attachments, a.approvedVnd(), a.disbursedVnd(), a.repaidVnd(),
                a.note(), a.decidedAt(), a.firstDisbursedOn()));
        store.addEvent(id, EventKind.ANSWERED, a.status(), Status.SUBMITTED, amount, null, answer, actor.userId());
        return done(id, in.clientMutationId());
    }

    @Transactional
    public SupportApplicationPayload review(ReviewSupportApplicationInput in) {
        Actor actor = Access.requireAlliance();
        long id = GlobalId.decode("applicationId", in.applicationId(), SupportApplication.TYPE);
        ValidationErrors errors = new ValidationErrors();
        if (in.decision() == null) {
            errors.add("decision", UserErrorCode.REQUIRED, Message.of("input.required", "decision"));
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        Locked l = lock(id);
        SupportApplication a = l.application();
        stale(a, in.expectedVersion(), errors);
        if (a.status() != Status.SUBMITTED) {
            errors.add("applicationId", UserErrorCode.CONFLICT, Message.of("support.application.notUnderReview", a.status().name()));
        }
        boolean noteRequired = in.decision() != SupportApplication.Decision.APPROVE;
        String note = errors.text("note", in.note(), MAX_TEXT, noteRequired);
        Instant now = Instant.now();
        switch (in.decision()) {
            case REQUEST_INFO -> {
                if (errors.hasErrors()) {
                    break;
                }
                store.update(with(a, Status.INFO_REQUESTED, a.requestedVnd(), a.purpose(), a.attachments(), null, 0, 0, note,
                        null, null));
                store.addEvent(id, EventKind.INFO_REQUESTED, a.status(), Status.INFO_REQUESTED, null, null, note, actor.userId());
                notify(a.organizationId(), NotificationKind.SUPPORT_INFO_REQUESTED, id, l.program(), null, null, note);
            }
            case REJECT -> {
                if (errors.hasErrors()) {
                    break;
                }
                store.update(with(a, Status.REJECTED, a.requestedVnd(), a.purpose(), a.attachments(), null, 0, 0, note, now, null));
                store.addEvent(id, EventKind.REJECTED, a.status(), Status.REJECTED, null, null, note, actor.userId());
                notify(a.organizationId(), NotificationKind.SUPPORT_APPLICATION_REJECTED, id, l.program(), null, null, note);
            }
            case APPROVE -> {
                Long amount = in.amountVnd();
                if (amount == null) {
                    errors.add("amountVnd", UserErrorCode.REQUIRED, Message.of("input.required", "amountVnd"));
                } else if (amount <= 0) {
                    errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.amount.range", "amountVnd"));
                } else if (amount > a.requestedVnd()) {
                    errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.application.aboveRequested", a.requestedVnd()));
                } else if (l.program().amountPerBeneficiaryVnd() != null && amount > l.program().amountPerBeneficiaryVnd()) {
                    errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE,
                            Message.of("support.application.abovePerBeneficiary", l.program().amountPerBeneficiaryVnd()));
                } else if (l.committedVnd() + amount > l.budgetVnd()) {
                    // The programme row is locked: no other approval can slip between this check and the update.
                    errors.add("amountVnd", UserErrorCode.CONFLICT,
                            Message.of("support.application.budget", l.budgetVnd() - l.committedVnd(), l.budgetVnd()));
                }
                if (errors.hasErrors()) {
                    break;
                }
                store.addToProgram(a.programId(), amount, 0);
                store.update(with(a, Status.APPROVED, a.requestedVnd(), a.purpose(), a.attachments(), amount, 0, 0, note, now, null));
                store.addEvent(id, EventKind.APPROVED, a.status(), Status.APPROVED, amount, null, note, actor.userId());
                notify(a.organizationId(), NotificationKind.SUPPORT_APPLICATION_APPROVED, id, l.program(), amount, null, note);
            }
        }
        if (errors.hasErrors()) {
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        return done(id, in.clientMutationId());
    }

    @Transactional
    public SupportApplicationPayload disburse(SupportPaymentInput in) {
        Actor actor = Access.requireAlliance();
        long id = GlobalId.decode("applicationId", in.applicationId(), SupportApplication.TYPE);
        Locked l = lock(id);
        SupportApplication a = l.application();
        ValidationErrors errors = new ValidationErrors();
        String note = errors.text("note", in.note(), MAX_TEXT, false);
        if (a.status() != Status.APPROVED) {
            errors.add("applicationId", UserErrorCode.CONFLICT, Message.of("support.application.notApproved", a.status().name()));
        }
        LocalDate on = day(in.on(), a, errors);
        Long amount = in.amountVnd();
        if (amount == null) {
            errors.add("amountVnd", UserErrorCode.REQUIRED, Message.of("input.required", "amountVnd"));
        } else if (amount <= 0) {
            errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.amount.range", "amountVnd"));
        } else if (a.approvedVnd() != null && amount > a.approvedVnd() - a.disbursedVnd()) {
            errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE,
                    Message.of("support.application.aboveApproved", a.approvedVnd() - a.disbursedVnd()));
        }
        if (errors.hasErrors()) {
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        LocalDate first = a.firstDisbursedOn() == null || on.isBefore(a.firstDisbursedOn()) ? on : a.firstDisbursedOn();
        store.addToProgram(a.programId(), 0, amount);
        store.update(with(a, a.status(), a.requestedVnd(), a.purpose(), a.attachments(), a.approvedVnd(),
                a.disbursedVnd() + amount, a.repaidVnd(), a.note(), a.decidedAt(), first));
        store.addEvent(id, EventKind.DISBURSED, a.status(), a.status(), amount, on, note, actor.userId());
        notify(a.organizationId(), NotificationKind.SUPPORT_DISBURSED, id, l.program(), amount, on, null);
        return done(id, in.clientMutationId());
    }

    @Transactional
    public SupportApplicationPayload repay(SupportPaymentInput in) {
        Actor actor = Access.requireAlliance();
        long id = GlobalId.decode("applicationId", in.applicationId(), SupportApplication.TYPE);
        Locked l = lock(id);
        SupportApplication a = l.application();
        ValidationErrors errors = new ValidationErrors();
        String note = errors.text("note", in.note(), MAX_TEXT, false);
        if (l.program().kind() != SupportProgram.Kind.PREFERENTIAL_LOAN) {
            errors.add("applicationId", UserErrorCode.INVALID, Message.of("support.application.notLoan"));
        } else if (a.status() != Status.APPROVED) {
            errors.add("applicationId", UserErrorCode.CONFLICT, Message.of("support.application.notApproved", a.status().name()));
        }
        LocalDate on = day(in.on(), a, errors);
        Long amount = in.amountVnd();
        long outstanding = a.disbursedVnd() - a.repaidVnd();
        if (amount == null) {
            errors.add("amountVnd", UserErrorCode.REQUIRED, Message.of("input.required", "amountVnd"));
        } else if (amount <= 0) {
            errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.amount.range", "amountVnd"));
        } else if (amount > outstanding) {
            errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.application.aboveOutstanding", outstanding));
        }
        if (errors.hasErrors()) {
            return new SupportApplicationPayload(null, errors.list(), in.clientMutationId());
        }
        store.update(with(a, a.status(), a.requestedVnd(), a.purpose(), a.attachments(), a.approvedVnd(), a.disbursedVnd(),
                a.repaidVnd() + amount, a.note(), a.decidedAt(), a.firstDisbursedOn()));
        store.addEvent(id, EventKind.REPAID, a.status(), a.status(), amount, on, note, actor.userId());
        Map<String, String> extra = Map.of("count", vnd(outstanding - amount));
        notify(a.organizationId(), NotificationKind.SUPPORT_REPAYMENT_RECORDED, id, l.program(), amount, on, null, extra);
        return done(id, in.clientMutationId());
    }

    /** The programme row and then the application row, locked; NOT_FOUND when the ID names none. */
    private Locked lock(long id) {
        Long programId = store.programOf(id);
        long[] sums = programId == null ? null : store.lockProgram(programId);
        SupportApplication a = sums == null ? null : store.lock(id);
        if (a == null) {
            throw ApiException.notFound(Message.of("support.application.notFound"));
        }
        return new Locked(a, programs.findByIds(List.of(programId)).get(programId), sums[0], sums[1], sums[2]);
    }

    private record Locked(SupportApplication application, SupportProgram program, long budgetVnd, long committedVnd,
                          long disbursedVnd) {
    }

    private static void stale(SupportApplication a, Long expected, ValidationErrors errors) {
        if (expected != null && expected != a.version()) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT, Message.of("support.application.staleVersion", a.version()));
        }
    }

    /** A payment's day: required, not in the future, not before the approval. */
    private static LocalDate day(LocalDate on, SupportApplication a, ValidationErrors errors) {
        if (on == null) {
            errors.add("on", UserErrorCode.REQUIRED, Message.of("input.required", "on"));
            return null;
        }
        if (on.isAfter(LocalDate.now(VietnamTime.ZONE))) {
            errors.add("on", UserErrorCode.INVALID, Message.of("support.application.dayInFuture"));
        } else if (a.decidedAt() != null && on.isBefore(a.decidedAt().atZone(VietnamTime.ZONE).toLocalDate())) {
            errors.add("on", UserErrorCode.INVALID, Message.of("support.application.dayBeforeApproval"));
        }
        return on;
    }

    /** The amount asked: more than 0, at most the amount per beneficiary (or the budget when there is none). */
    private static void amount(Long amount, SupportProgram p, ValidationErrors errors) {
        if (amount == null) {
            errors.add("amountVnd", UserErrorCode.REQUIRED, Message.of("input.required", "amountVnd"));
            return;
        }
        long max = p == null ? ProgramManagement.MAX_VND
                : p.amountPerBeneficiaryVnd() != null ? p.amountPerBeneficiaryVnd() : p.budgetVnd();
        if (amount <= 0 || amount > max) {
            errors.add("amountVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.application.amount.range", max));
        }
    }

    /** At most a few https addresses (documents kept elsewhere: the platform stores no files). */
    static List<String> attachments(List<String> given, ValidationErrors errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ATTACHMENTS) {
            errors.add("attachments", UserErrorCode.OUT_OF_RANGE, Message.of("support.application.attachments.tooMany", MAX_ATTACHMENTS));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String url = given.get(i) == null ? "" : given.get(i).strip();
            if (!https(url)) {
                errors.add("attachments[" + i + "]", UserErrorCode.INVALID, Message.of("support.application.attachment.invalid", MAX_URL));
            } else {
                out.add(url);
            }
        }
        return out;
    }

    private static boolean https(String url) {
        if (url.isEmpty() || url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI u = new URI(url);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !u.getHost().isBlank() && u.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The organization's first declared sector as its top-level category (what the report groups by), if known. */
    private String sector(Organization o) {
        if (o.sectors() == null) {
            return null;
        }
        for (String s : o.sectors()) {
            Category c = categories.resolve(s).orElse(null);
            int guard = 0;
            while (c != null && c.parentCode() != null && guard++ < 10) {
                Category parent = categories.findByCode(c.parentCode()).orElse(null);
                if (parent == null) {
                    break;
                }
                c = parent;
            }
            if (c != null) {
                return c.code();
            }
        }
        return null;
    }

    private static SupportApplication with(SupportApplication a, Status status, long requested, String purpose,
                                           List<String> attachments, Long approved, long disbursed, long repaid, String note,
                                           Instant decidedAt, LocalDate firstDisbursedOn) {
        return new SupportApplication(a.databaseId(), a.programId(), a.organizationId(), a.provinceCode(), a.sectorCode(), status,
                requested, purpose, attachments, approved, disbursed, repaid, note, a.submittedAt(), decidedAt, firstDisbursedOn,
                a.updatedAt(), a.version());
    }

    private void notify(long orgId, NotificationKind kind, long applicationId, SupportProgram p, Long amount, LocalDate on,
                        String note) {
        notify(orgId, kind, applicationId, p, amount, on, note, Map.of());
    }

    private void notify(long orgId, NotificationKind kind, long applicationId, SupportProgram p, Long amount, LocalDate on,
                        String note, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("subject", p.name());
        if (amount != null) {
            params.put("price", vnd(amount));
        }
        if (on != null) {
            params.put("unit", on.toString());
        }
        if (note != null) {
            params.put("reason", note);
        }
        notifications.notify(orgId, kind, GlobalId.encode(SupportApplication.TYPE, applicationId), params);
    }

    /** Đồng with dots between thousands, as Vietnamese documents write them (the parameter is stored as text). */
    private static String vnd(long amount) {
        return String.format("%,d", amount).replace(',', '.');
    }

    private SupportApplicationPayload done(long id, String clientMutationId) {
        return new SupportApplicationPayload(store.findByIds(List.of(id)).get(id), List.of(), clientMutationId);
    }
}
