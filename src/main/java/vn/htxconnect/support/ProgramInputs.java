package vn.htxconnect.support;

import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.platform.UserError;

/** Inputs and payloads of the support-programme mutations, as GraphQL binds and returns them. */
public final class ProgramInputs {

    private ProgramInputs() {
    }

    /** A rule as given: the list or number its kind takes (provinces and sectors by any name or code). */
    public record EligibilityRuleInput(SupportProgram.RuleKind kind, List<OrganizationKind> organizationKinds,
                                       List<String> provinces, List<String> sectors, List<String> certificationSchemes,
                                       Integer minimum) {
    }

    public record CreateSupportProgramInput(String name, SupportProgram.Kind kind, SupportProgram.LegalBasisKind legalBasisKind,
                                            String legalBasis, String provider, String description, Long budgetVnd,
                                            Long amountPerBeneficiaryVnd, LocalDate opensOn, LocalDate closesOn,
                                            List<EligibilityRuleInput> rules, String clientMutationId) {
    }

    public record SupportProgramPayload(SupportProgram program, List<UserError> errors, String clientMutationId) {
    }
}
