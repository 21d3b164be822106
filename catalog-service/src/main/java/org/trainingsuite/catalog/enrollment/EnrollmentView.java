package org.trainingsuite.catalog.enrollment;

import java.time.Instant;
import java.util.UUID;

/** An enrollment as the API shows it. */
record EnrollmentView(UUID id, String personId, UUID programId, UUID sessionId, EnrollmentSource source, String sourceId,
                      EnrollmentStatus status, String reason, Instant enrolledAt, Instant updatedAt) {

    static EnrollmentView of(Enrollment e) {
        return new EnrollmentView(e.getId(), e.getPersonId(), e.getProgramId(), e.getSessionId(), e.getSource(),
                e.getSourceId(), e.getStatus(), e.getReason(), e.getEnrolledAt(), e.getUpdatedAt());
    }
}
