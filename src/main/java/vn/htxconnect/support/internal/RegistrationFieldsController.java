package vn.htxconnect.support.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseRegistration;
import vn.htxconnect.support.CourseService;

/** Fields of registrations (their course and organization for a whole page at once), and {@code node(id:)} for them. */
@Controller
class RegistrationFieldsController implements NodeResolver {

    private final CourseService courses;
    private final CourseQueries queries;
    private final OrganizationService organizations;

    RegistrationFieldsController(CourseService courses, CourseQueries queries, OrganizationService organizations) {
        this.courses = courses;
        this.queries = queries;
        this.organizations = organizations;
    }

    @SchemaMapping(typeName = "CourseRegistration", field = "course")
    CompletableFuture<Course> course(CourseRegistration r, DataLoader<Long, Course> courseById) {
        return courseById.load(r.courseId());
    }

    /** The person themself and those who run the course see the phone number; others do not. */
    @SchemaMapping(typeName = "CourseRegistration", field = "phone")
    CompletableFuture<String> phone(CourseRegistration r, DataLoader<Long, Course> courseById) {
        Actor a = Access.current();
        if (r.phone() == null || !a.isUser()) {
            return CompletableFuture.completedFuture(null);
        }
        if (r.userId() != null && r.userId().equals(a.userId())) {
            return CompletableFuture.completedFuture(r.phone());
        }
        return courseById.load(r.courseId()).thenApply(c -> c != null && CourseAccess.manages(a, c) ? r.phone() : null);
    }

    @BatchMapping(typeName = "CourseRegistration", field = "organization")
    Map<CourseRegistration, Organization> registrationOrganization(List<CourseRegistration> page) {
        Map<Long, Organization> byId = organizations.findByIds(page.stream().map(CourseRegistration::organizationId)
                .filter(Objects::nonNull).distinct().toList());
        Map<CourseRegistration, Organization> out = new LinkedHashMap<>();
        page.stream().filter(r -> r.organizationId() != null && byId.containsKey(r.organizationId()))
                .forEach(r -> out.put(r, byId.get(r.organizationId())));
        return out;
    }

    /** {@code node(id:)} for registrations: the person, their organization's members and those who run the course. */
    @Override
    public String typeName() {
        return CourseRegistration.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        if (!a.isUser()) {
            return Optional.empty();
        }
        return queries.registration(id).filter(r -> r.userId() != null && r.userId().equals(a.userId())
                || r.organizationId() != null && a.memberOf(r.organizationId())
                || courses.findById(r.courseId()).map(c -> CourseAccess.manages(a, c)).orElse(false));
    }
}
