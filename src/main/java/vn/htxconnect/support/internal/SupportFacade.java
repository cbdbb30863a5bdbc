package vn.htxconnect.support.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.htxconnect.support.ApplicationInputs.AnswerSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.ApplyForSupportInput;
import vn.htxconnect.support.ApplicationInputs.ReviewSupportApplicationInput;
import vn.htxconnect.support.ApplicationInputs.SupportApplicationPayload;
import vn.htxconnect.support.ApplicationInputs.SupportPaymentInput;
import vn.htxconnect.support.CourseFigures;
import vn.htxconnect.support.SupportFigures;
import vn.htxconnect.support.SupportProgram;
import vn.htxconnect.support.SupportService;

/** The module's public API for applications and figures, over the services that do the work. */
@Service
class SupportFacade implements SupportService {

    private final ApplicationManagement applications;
    private final SupportFigureQueries figures;
    private final CourseFigureQueries courseFigures;
    private final ProgramStore programs;

    SupportFacade(ApplicationManagement applications, SupportFigureQueries figures, CourseFigureQueries courseFigures,
                  ProgramStore programs) {
        this.applications = applications;
        this.figures = figures;
        this.courseFigures = courseFigures;
        this.programs = programs;
    }

    @Override
    public SupportApplicationPayload apply(ApplyForSupportInput input) {
        return applications.apply(input);
    }

    @Override
    public SupportApplicationPayload answer(AnswerSupportApplicationInput input) {
        return applications.answer(input);
    }

    @Override
    public SupportApplicationPayload review(ReviewSupportApplicationInput input) {
        return applications.review(input);
    }

    @Override
    public SupportApplicationPayload disburse(SupportPaymentInput input) {
        return applications.disburse(input);
    }

    @Override
    public SupportApplicationPayload repay(SupportPaymentInput input) {
        return applications.repay(input);
    }

    @Override
    public SupportFigures.Period figures(SupportFigures.Filter filter) {
        return figures.period(filter);
    }

    @Override
    public CourseFigures.Period courseFigures(CourseFigures.Filter filter) {
        return courseFigures.period(filter);
    }

    @Override
    public List<SupportProgram> programs(Collection<Long> ids) {
        Map<Long, SupportProgram> rows = programs.findByIds(ids);
        return ids.stream().map(rows::get).filter(p -> p != null).toList();
    }
}
