package vn.htxconnect.support.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseEnums.Audience;
import vn.htxconnect.support.CourseEnums.Kind;
import vn.htxconnect.support.CourseEnums.Status;
import vn.htxconnect.support.CourseFigures;
import vn.htxconnect.support.CourseInputs.CancelCourseRegistrationInput;
import vn.htxconnect.support.CourseInputs.CourseActionInput;
import vn.htxconnect.support.CourseInputs.CoursePayload;
import vn.htxconnect.support.CourseInputs.CourseRegistrationPayload;
import vn.htxconnect.support.CourseInputs.CreateCourseInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendanceInput;
import vn.htxconnect.support.CourseInputs.RecordCourseAttendancePayload;
import vn.htxconnect.support.CourseInputs.RegisterForCourseInput;
import vn.htxconnect.support.CourseInputs.SetCourseOrganizerInput;
import vn.htxconnect.support.CourseInputs.SetCourseOrganizerPayload;
import vn.htxconnect.support.CourseService;

/** Course reads (everyone; partner keys with {@value CourseAccess#SCOPE}), figures and the course mutations. */
@Controller
class CourseController implements NodeResolver {

    private final CourseService service;
    private final CourseQueries queries;
    private final CourseFigureQueries figures;
    private final ProvinceService provinces;

    CourseController(CourseService service, CourseQueries queries, CourseFigureQueries figures, ProvinceService provinces) {
        this.service = service;
        this.queries = queries;
        this.figures = figures;
        this.provinces = provinces;
    }

    @QueryMapping
    Course course(@Argument String id) {
        Actor a = Access.requireScope(CourseAccess.SCOPE);
        return service.findById(GlobalId.decode("id", id, Course.TYPE)).filter(c -> CourseAccess.visible(a, c))
                .orElseThrow(() -> ApiException.notFound(Message.of("support.course.notFound")));
    }

    record Filter(Kind kind, String province, Status status, Audience audience, String organizerId, LocalDate from,
                  LocalDate to) {
    }

    @QueryMapping
    Connection<Course> courses(@Argument Filter filter, @Argument Integer first, @Argument String after) {
        Actor a = Access.requireScope(CourseAccess.SCOPE);
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        Filter f = filter == null ? new Filter(null, null, null, null, null, null, null) : filter;
        Long organizer = f.organizerId() == null ? null
                : GlobalId.decode("filter.organizerId", f.organizerId(), Organization.TYPE);
        boolean allDrafts = a.isUser() && a.isAlliance();
        Set<Long> draftOrganizers = a.isUser() ? a.memberships().keySet() : Set.of();
        Page<Course> page = queries.list(new CourseQueries.Criteria(f.kind(), provinces.codeOf("filter.province", f.province()),
                f.status(), f.audience(), organizer, f.from(), f.to(), allDrafts, draftOrganizers), offset, n);
        return Connection.fromOffset(page.rows(), offset, n, page.total());
    }

    record FigureFilter(LocalDate from, LocalDate to, String province, Kind kind) {
    }

    @QueryMapping
    CourseFigures.Period courseFigures(@Argument FigureFilter filter) {
        figureReader();
        FigureFilter f = filter == null ? new FigureFilter(null, null, null, null) : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.badRequest("filter.to", Message.of("support.figures.period"));
        }
        return figures.period(new CourseFigures.Filter(f.from() == null ? null : CourseQueries.startOf(f.from()),
                f.to() == null ? null : CourseQueries.startOf(f.to().plusDays(1)),
                provinces.codeOf("filter.province", f.province()), f.kind()));
    }

    /** The Alliance's staff and admins, or partner keys with the scope. */
    static Actor figureReader() {
        Actor a = Access.requireSignedIn();
        return a.kind() == Actor.Kind.API_KEY ? Access.requireScope(CourseAccess.SCOPE) : Access.requireAlliance();
    }

    @MutationMapping
    CoursePayload createCourse(@Argument CreateCourseInput input) {
        return service.create(input);
    }

    @MutationMapping
    CoursePayload publishCourse(@Argument CourseActionInput input) {
        return service.publish(input);
    }

    @MutationMapping
    CoursePayload cancelCourse(@Argument CourseActionInput input) {
        return service.cancel(input);
    }

    @MutationMapping
    SetCourseOrganizerPayload setCourseOrganizer(@Argument SetCourseOrganizerInput input) {
        return service.setOrganizer(input);
    }

    @MutationMapping
    CourseRegistrationPayload registerForCourse(@Argument RegisterForCourseInput input) {
        return service.register(input);
    }

    @MutationMapping
    CourseRegistrationPayload cancelCourseRegistration(@Argument CancelCourseRegistrationInput input) {
        return service.cancelRegistration(input);
    }

    @MutationMapping
    RecordCourseAttendancePayload recordCourseAttendance(@Argument RecordCourseAttendanceInput input) {
        return service.recordAttendance(input);
    }

    @Override
    public String typeName() {
        return Course.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return service.findById(id).filter(c -> CourseAccess.visible(a, c));
    }
}
