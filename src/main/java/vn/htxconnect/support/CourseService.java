package vn.htxconnect.support;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

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

/**
 * The support module's API for training courses, for its controllers and other modules (the demo loader, later
 * the dashboard). Every write is one transaction, checked against the current actor; a payload with errors
 * means nothing was written.
 */
public interface CourseService {

    CoursePayload create(CreateCourseInput input);

    CoursePayload publish(CourseActionInput input);

    CoursePayload cancel(CourseActionInput input);

    SetCourseOrganizerPayload setOrganizer(SetCourseOrganizerInput input);

    CourseRegistrationPayload register(RegisterForCourseInput input);

    CourseRegistrationPayload cancelRegistration(CancelCourseRegistrationInput input);

    RecordCourseAttendancePayload recordAttendance(RecordCourseAttendanceInput input);

    /** The course whatever its status (callers decide who may see drafts). */
    Optional<Course> findById(long id);

    /** One SQL statement whatever the number of IDs. */
    Map<Long, Course> findByIds(Collection<Long> ids);
}
