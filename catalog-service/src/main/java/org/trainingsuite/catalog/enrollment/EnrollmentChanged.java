package org.trainingsuite.catalog.enrollment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.trainingsuite.catalog.program.ProgramType;

/**
 * Payload of every event on {@code catalog.enrollments}: who, which item and session, why (source), the
 * status after the change, and for completions the credits earned; what learning plans count.
 */
public record EnrollmentChanged(UUID enrollmentId, String personId, UUID programId, ProgramType programType,
                                UUID sessionId, EnrollmentSource source, String sourceId, EnrollmentStatus status,
                                String reason, BigDecimal credits, Instant completedAt) {
}
