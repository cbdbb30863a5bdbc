package vn.htxconnect.support;

import java.time.Instant;
import java.util.List;

import vn.htxconnect.support.CourseEnums.Audience;

/** Figures of courses for the Alliance's report: one course's counts, and a period's with their breakdowns. */
public final class CourseFigures {

    private CourseFigures() {
    }

    /** Live registrations, those attended and those completed. */
    public record Counts(int registered, int attended, int completed) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(registered + o.registered, attended + o.attended, completed + o.completed);
        }
    }

    public record ByAudience(Audience audience, int registered, int attended, int completed) {
    }

    public record ByProvince(String provinceCode, int courses, int registered, int attended, int completed) {
    }

    public record ByOrganization(long organizationId, int registered, int attended, int completed) {
    }

    /** What founders who attended did next (see the schema's FounderFollowUp for the rule). */
    public record FounderFollowUp(int attended, int withPhone, int registeredCooperative, int stillInWindow) {
    }

    /**
     * A period's figures. {@code filter} is kept so the cooperatives' list (which takes its own size) can be
     * read for the same courses.
     */
    public record Period(Filter filter, int courses, int registered, int attended, int completed, List<ByAudience> byAudience,
                         List<ByProvince> byProvince, FounderFollowUp founders) {
    }

    /** Resolved filter: courses starting at or after {@code from} and before {@code to}; nulls do not filter. */
    public record Filter(Instant from, Instant to, String provinceCode, CourseEnums.Kind kind) {
    }
}
