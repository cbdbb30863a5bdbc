package vn.htxconnect.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.ProgramInputs.CreateSupportProgramInput;
import vn.htxconnect.support.ProgramInputs.EligibilityRuleInput;
import vn.htxconnect.support.ProgramInputs.SupportProgramPayload;
import vn.htxconnect.support.SupportProgram;
import vn.htxconnect.support.SupportProgram.EligibilityRule;
import vn.htxconnect.support.SupportProgram.RuleKind;

/** The Alliance enters support programmes with their eligibility rules, checked field by field; one transaction. */
@Service
class ProgramManagement {

    static final int MAX_RULES = 20;
    static final int MAX_VALUES = 40;
    static final long MAX_VND = 1_000_000_000_000_000L;

    private final ProgramStore store;
    private final ProvinceService provinces;
    private final CategoryService categories;

    ProgramManagement(ProgramStore store, ProvinceService provinces, CategoryService categories) {
        this.store = store;
        this.provinces = provinces;
        this.categories = categories;
    }

    @Transactional
    public SupportProgramPayload create(CreateSupportProgramInput in) {
        Actor actor = Access.requireAlliance();
        ValidationErrors errors = new ValidationErrors();
        String name = errors.text("name", in.name(), 200, true);
        String legalBasis = errors.text("legalBasis", in.legalBasis(), 500, true);
        String provider = errors.text("provider", in.provider(), 200, true);
        String description = errors.text("description", in.description(), 4000, false);
        if (in.kind() == null) {
            errors.add("kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
        }
        if (in.legalBasisKind() == null) {
            errors.add("legalBasisKind", UserErrorCode.REQUIRED, Message.of("input.required", "legalBasisKind"));
        }
        if (in.budgetVnd() == null) {
            errors.add("budgetVnd", UserErrorCode.REQUIRED, Message.of("input.required", "budgetVnd"));
        } else if (in.budgetVnd() <= 0 || in.budgetVnd() > MAX_VND) {
            errors.add("budgetVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.amount.range", "budgetVnd"));
        }
        if (in.amountPerBeneficiaryVnd() != null && (in.amountPerBeneficiaryVnd() <= 0
                || in.budgetVnd() != null && in.amountPerBeneficiaryVnd() > in.budgetVnd())) {
            errors.add("amountPerBeneficiaryVnd", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.perBeneficiary.range"));
        }
        if (in.opensOn() == null) {
            errors.add("opensOn", UserErrorCode.REQUIRED, Message.of("input.required", "opensOn"));
        }
        if (in.closesOn() == null) {
            errors.add("closesOn", UserErrorCode.REQUIRED, Message.of("input.required", "closesOn"));
        } else if (in.opensOn() != null && in.closesOn().isBefore(in.opensOn())) {
            errors.add("closesOn", UserErrorCode.INVALID, Message.of("support.program.window"));
        } else if (in.closesOn().isBefore(LocalDate.now(VietnamTime.ZONE))) {
            errors.add("closesOn", UserErrorCode.INVALID, Message.of("support.program.closed"));
        }
        List<EligibilityRule> rules = rules(in.rules(), errors);
        if (errors.hasErrors()) {
            return new SupportProgramPayload(null, errors.list(), in.clientMutationId());
        }
        SupportProgram p = new SupportProgram(0, name, in.kind(), in.legalBasisKind(), legalBasis, provider, description,
                in.budgetVnd(), in.amountPerBeneficiaryVnd(), in.opensOn(), in.closesOn(), rules, null, 0);
        long id = store.insert(p, actor.userId());
        return new SupportProgramPayload(store.findByIds(List.of(id)).get(id), List.of(), in.clientMutationId());
    }

    /** Each rule with the values its kind takes, resolved to codes; every problem named by its path. */
    private List<EligibilityRule> rules(List<EligibilityRuleInput> given, ValidationErrors errors) {
        List<EligibilityRule> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX_RULES) {
            errors.add("rules", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.rules.tooMany", MAX_RULES));
            return out;
        }
        Set<RuleKind> seen = EnumSet.noneOf(RuleKind.class);
        for (int i = 0; i < given.size(); i++) {
            EligibilityRuleInput r = given.get(i);
            String at = "rules[" + i + "]";
            if (r == null || r.kind() == null) {
                errors.add(at + ".kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
                continue;
            }
            if (!seen.add(r.kind())) {
                errors.add(at + ".kind", UserErrorCode.DUPLICATE, Message.of("support.program.rule.repeated"));
                continue;
            }
            List<String> values = switch (r.kind()) {
                case ORGANIZATION_KINDS -> list(at + ".organizationKinds", r.organizationKinds() == null ? null
                        : r.organizationKinds().stream().map(k -> k == null ? null : k.name()).toList(), v -> Optional.of(v), errors);
                case PROVINCES -> list(at + ".provinces", r.provinces(), v -> provinces.resolve(v).map(p -> p.code()), errors);
                case SECTORS -> list(at + ".sectors", r.sectors(), v -> categories.resolve(v).map(c -> c.code()), errors);
                case VALID_CERTIFICATION -> list(at + ".certificationSchemes", r.certificationSchemes(),
                        v -> Optional.ofNullable(v.length() > 100 ? null : CertificationScheme.parse(v)).map(Enum::name), errors);
                default -> List.of();
            };
            Integer minimum = null;
            if (r.kind() == RuleKind.MIN_MEMBERS || r.kind() == RuleKind.MIN_YEARS_OPERATING
                    || r.kind() == RuleKind.NOT_FUNDED_WITHIN_YEARS) {
                int max = r.kind() == RuleKind.MIN_MEMBERS ? 100_000 : r.kind() == RuleKind.MIN_YEARS_OPERATING ? 100 : 50;
                if (r.minimum() == null) {
                    errors.add(at + ".minimum", UserErrorCode.REQUIRED, Message.of("input.required", "minimum"));
                } else if (r.minimum() < 1 || r.minimum() > max) {
                    errors.add(at + ".minimum", UserErrorCode.OUT_OF_RANGE, Message.of("support.program.minimum.range", max));
                }
                minimum = r.minimum();
            }
            out.add(new EligibilityRule(r.kind(), values, minimum));
        }
        return out;
    }

    private static List<String> list(String field, List<String> given,
                                     Function<String, Optional<String>> resolve, ValidationErrors errors) {
        if (given == null || given.isEmpty()) {
            errors.add(field, UserErrorCode.REQUIRED, Message.of("support.program.rule.values"));
            return List.of();
        }
        if (given.size() > MAX_VALUES) {
            errors.add(field, UserErrorCode.OUT_OF_RANGE, Message.of("support.program.rule.tooManyValues", MAX_VALUES));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int j = 0; j < given.size(); j++) {
            String v = given.get(j);
            Optional<String> code = v == null || v.isBlank() ? Optional.empty() : resolve.apply(v.strip());
            if (code.isEmpty()) {
                errors.add(field + "[" + j + "]", UserErrorCode.INVALID, Message.of("support.program.rule.unknownValue"));
            } else {
                codes.add(code.get());
            }
        }
        return List.copyOf(codes);
    }
}
