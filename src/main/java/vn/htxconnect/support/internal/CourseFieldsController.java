package vn.htxconnect.support.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseFigures;
import vn.htxconnect.support.CourseFigures.Counts;
import vn.htxconnect.support.CourseRegistration;
import vn.htxconnect.support.CourseService;

/**
 * Fields of courses, registrations and figures. Whatever a page of courses asks for is loaded for the whole page
 * at once: registrations in two statements per kind of page, counts in one, organizations in one.
 */
@Controller
class CourseFieldsController {

    /** A page of one course's registrations; {@code visibleTo} null when the caller runs the course. */
    record PageKey(long courseId, CourseQueries.Visible visibleTo, int first, int offset) {
    }

    private final CourseService courses;
    private final CourseQueries queries;
    private final CourseFigureQueries figures;
    private final OrganizationService organizations;
    private final ProvinceService provinces;

    CourseFieldsController(CourseService courses, CourseQueries queries, CourseFigureQueries figures,
                           OrganizationService organizations, ProvinceService provinces, BatchLoaderRegistry registry) {
        this.courses = courses;
        this.queries = queries;
        this.figures = figures;
        this.organizations = organizations;
        this.provinces = provinces;
        registry.<PageKey, Connection<CourseRegistration>>forName("courseRegistrations").registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> {
                    Map<PageKey, Connection<CourseRegistration>> out = new LinkedHashMap<>();
                    keys.stream().collect(Collectors.groupingBy(k -> List.of(Objects.toString(k.visibleTo()), k.first(), k.offset())))
                            .forEach((group, ks) -> {
                                PageKey any = ks.getFirst();
                                Map<Long, Page<CourseRegistration>> pages = queries.registrationPages(
                                        ks.stream().map(PageKey::courseId).distinct().toList(), any.visibleTo(), any.offset(), any.first());
                                ks.forEach(k -> {
                                    Page<CourseRegistration> p = pages.getOrDefault(k.courseId(), Page.empty());
                                    out.put(k, Connection.fromOffset(p.rows(), k.offset(), k.first(), p.total()));
                                });
                            });
                    return out;
                }));
        registry.<Long, Counts>forName("courseCounts").registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> {
                    Map<Long, Counts> found = queries.counts(ids);
                    Map<Long, Counts> out = new LinkedHashMap<>();
                    ids.forEach(id -> out.put(id, found.getOrDefault(id, Counts.NONE)));
                    return out;
                }));
        registry.<Long, Course>forName("courseById").registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> courses.findByIds(ids)));
    }

    @SchemaMapping(typeName = "Course", field = "registrations")
    CompletableFuture<Connection<CourseRegistration>> registrations(Course c, @Argument Integer first, @Argument String after,
                                                                    DataLoader<PageKey, Connection<CourseRegistration>> courseRegistrations) {
        Actor a = Access.current();
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        if (!a.isUser()) {
            return CompletableFuture.completedFuture(Connection.fromOffset(List.of(), offset, n, 0));
        }
        CourseQueries.Visible visible = CourseAccess.manages(a, c) ? null
                : new CourseQueries.Visible(a.userId(), a.memberships().keySet());
        return courseRegistrations.load(new PageKey(c.databaseId(), visible, n, offset));
    }

    @SchemaMapping(typeName = "Course", field = "figures")
    CompletableFuture<Counts> figures(Course c, DataLoader<Long, Counts> courseCounts) {
        if (!CourseAccess.readsFigures(Access.requireSignedIn(), c)) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
        }
        return courseCounts.load(c.databaseId());
    }

    @BatchMapping(typeName = "Course", field = "organizer")
    Map<Course, Organization> organizer(List<Course> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(Course::organizerOrganizationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<Course, Organization> out = new LinkedHashMap<>();
        page.stream().filter(c -> c.organizerOrganizationId() != null && byId.containsKey(c.organizerOrganizationId()))
                .forEach(c -> out.put(c, byId.get(c.organizerOrganizationId())));
        return out;
    }

    @SchemaMapping(typeName = "Course", field = "province")
    Province province(Course c) {
        return provinces.findByCode(c.provinceCode()).orElse(null);
    }

    @SchemaMapping(typeName = "CoursePeriodFigures", field = "byCooperative")
    List<CourseFigures.ByOrganization> byCooperative(CourseFigures.Period p, @Argument Integer first) {
        return figures.byCooperative(p.filter(), Cursors.first(first));
    }

    @BatchMapping(typeName = "CourseCooperativeFigures", field = "organization")
    Map<CourseFigures.ByOrganization, Organization> cooperative(List<CourseFigures.ByOrganization> rows) {
        Map<Long, Organization> byId = organizations.findByIds(rows.stream().map(CourseFigures.ByOrganization::organizationId)
                .distinct().toList());
        Map<CourseFigures.ByOrganization, Organization> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r, byId.get(r.organizationId())));
        return out;
    }

    @SchemaMapping(typeName = "CourseProvinceFigures", field = "province")
    Province figureProvince(CourseFigures.ByProvince p) {
        return provinces.findByCode(p.provinceCode()).orElse(null);
    }
}
