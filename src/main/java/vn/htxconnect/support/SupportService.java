package vn.htxconnect.support;

import java.util.Collection;
import java.util.List;

/**
 * The support module's API for programmes, applications and their figures, for other modules (the demo loader,
 * the insight dashboard). Every write is one transaction checked against the current actor; a payload with
 * errors means nothing was written.
 */
public interface SupportService {

    ApplicationInputs.SupportApplicationPayload apply(ApplicationInputs.ApplyForSupportInput input);

    ApplicationInputs.SupportApplicationPayload answer(ApplicationInputs.AnswerSupportApplicationInput input);

    ApplicationInputs.SupportApplicationPayload review(ApplicationInputs.ReviewSupportApplicationInput input);

    ApplicationInputs.SupportApplicationPayload disburse(ApplicationInputs.SupportPaymentInput input);

    ApplicationInputs.SupportApplicationPayload repay(ApplicationInputs.SupportPaymentInput input);

    /** Figures of the applications submitted in the filter's period (bounded SQL; see {@link SupportFigures}). */
    SupportFigures.Period figures(SupportFigures.Filter filter);

    /** Course figures of a period, for the dashboard. */
    CourseFigures.Period courseFigures(CourseFigures.Filter filter);

    /** Programme names by ID (one statement per call, two with rules). */
    List<SupportProgram> programs(Collection<Long> ids);
}
