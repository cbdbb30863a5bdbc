package vn.htxconnect.support;

/**
 * Demo courses for the Run command, loaded by the demo module after its organizations: a few realistic courses of
 * the Alliance, two already held (with attendance, completion and founders who went on to found a cooperative)
 * and two open for registration, and four support programmes, one a fund loan with applications in every state
 * (approved, disbursed in two instalments and partly repaid; waiting for information; rejected; under review).
 * Courses already held cannot be created through the API (it refuses a start in the past), so this moves them back in
 * time itself (and the approved application's dates); it is for demo data only.
 */
public interface CourseDemo {

    /** Loads the demo courses once (nothing when any course exists); returns how many were created. */
    int load();
}
