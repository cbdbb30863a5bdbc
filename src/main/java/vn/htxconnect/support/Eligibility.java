package vn.htxconnect.support;

import java.util.List;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Message;

/**
 * Eligibility of one organization for one programme, every rule checked and explained; {@code applied} when it has
 * applied to the programme (in any state, rejected included).
 */
public record Eligibility(SupportProgram program, Organization organization, boolean eligible, List<Check> checks,
                          boolean applied) {

    /** One rule checked: met or not, and why, in the caller's language when rendered. */
    public record Check(SupportProgram.EligibilityRule rule, boolean met, Message explanation) {
    }

    /** What the organization lacks: the explanations of the rules it does not meet. */
    public List<Message> lacking() {
        return checks.stream().filter(c -> !c.met()).map(Check::explanation).toList();
    }
}
