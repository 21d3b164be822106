package org.trainingsuite.catalog.enrollment;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.trainingsuite.catalog.passes.TrainingPassClient;
import org.trainingsuite.catalog.program.ProgramService;
import org.trainingsuite.platform.errors.ConflictException;

/**
 * Access Now: a learner books an item included in an active pass of theirs, without payment. The pass is
 * confirmed by training-pass-service at this moment (outside any database transaction, so a slow answer
 * holds no connection); if it cannot answer, nothing is booked and the learner gets a 503.
 */
@Service
public class AccessNow {

    private final TrainingPassClient trainingPasses;
    private final ProgramService programs;
    private final EnrollmentService enrollments;

    AccessNow(TrainingPassClient trainingPasses, ProgramService programs, EnrollmentService enrollments) {
        this.trainingPasses = trainingPasses;
        this.programs = programs;
        this.enrollments = enrollments;
    }

    public Enrollment book(String personId, String bearerToken, UUID programId, UUID sessionId) {
        programs.get(programId).requireOpenForEnrollment();
        TrainingPassClient.PassAccess access = trainingPasses.accessOfCaller(bearerToken, programId.toString());
        if (access == null || !access.granted() || access.passId() == null) {
            throw new ConflictException("no active pass of yours includes this item"
                    + (access == null || access.reason() == null ? "" : " (" + access.reason() + ")"));
        }
        return enrollments.enrollThroughPass(personId, programId, sessionId, access.passId(), access.passTypeId(),
                access.expiresOn());
    }
}
