package vn.htxconnect.support;

/** The small vocabularies of training courses. */
public final class CourseEnums {

    private CourseEnums() {
    }

    /** What a course teaches. */
    public enum Kind { COOPERATIVE_LAW_FOR_FOUNDERS, MANAGEMENT_AND_ACCOUNTING, DIGITAL_TRANSFORMATION, VIETGAP_OCOP_PREPARATION, OTHER }

    /** Who a course, or a registration, is for. */
    public enum Audience { FOUNDERS, MANAGERS, MEMBERS }

    /** Where a course stands. */
    public enum Status { DRAFT, PUBLISHED, CANCELLED }

    /** Where a registration stands. */
    public enum RegistrationStatus { REGISTERED, CANCELLED }
}
