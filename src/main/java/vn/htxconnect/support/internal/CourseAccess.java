package vn.htxconnect.support.internal;

import vn.htxconnect.platform.Actor;
import vn.htxconnect.support.Course;
import vn.htxconnect.support.CourseEnums.Status;

/** Who may do what with a course, in one place for the services and the field resolvers. */
final class CourseAccess {

    /** Partner keys read courses and their figures with this scope. */
    static final String SCOPE = "insight:read";

    private CourseAccess() {
    }

    /** The Alliance's staff (and admins) run every course; an organizer's members run theirs. */
    static boolean manages(Actor a, Long organizerOrganizationId) {
        return a.isUser() && (a.isAlliance() || organizerOrganizationId != null && a.memberOf(organizerOrganizationId));
    }

    static boolean manages(Actor a, Course c) {
        return manages(a, c.organizerOrganizationId());
    }

    /** Drafts are the organizers' business; published and cancelled courses are public. */
    static boolean visible(Actor a, Course c) {
        return a.hasScope(SCOPE) && (c.status() != Status.DRAFT || manages(a, c));
    }

    /** Figures: the Alliance, the organizer's members and partner keys with the scope. */
    static boolean readsFigures(Actor a, Course c) {
        return a.kind() == Actor.Kind.API_KEY ? a.hasScope(SCOPE) : manages(a, c);
    }
}
