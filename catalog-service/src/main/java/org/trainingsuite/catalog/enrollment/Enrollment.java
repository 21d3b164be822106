package org.trainingsuite.catalog.enrollment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.trainingsuite.platform.errors.ConflictException;

/**
 * A person booked on a session, or started on an activity or learning path, with the source of the booking.
 * Only live enrollments change; completions are kept apart and never deleted, so losing access never
 * loses progress.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    @Id
    private UUID id;
    private String personId;
    private UUID programId;
    private UUID sessionId;
    @Enumerated(EnumType.STRING)
    private EnrollmentSource source;
    private String sourceId;
    @Enumerated(EnumType.STRING)
    private EnrollmentStatus status;
    private String reason;
    private Instant enrolledAt;
    @Version
    private long version;
    private Instant updatedAt;

    protected Enrollment() {
    }

    static Enrollment enroll(String personId, UUID programId, UUID sessionId, EnrollmentSource source, String sourceId,
            Instant now) {
        if (source != EnrollmentSource.DIRECT && (sourceId == null || sourceId.isBlank())) {
            throw new org.trainingsuite.platform.errors.InvalidInputException("sourceId",
                    "is required for a " + source + " enrollment (the plan or pass id)");
        }
        Enrollment e = new Enrollment();
        e.id = UUID.randomUUID();
        e.personId = personId;
        e.programId = programId;
        e.sessionId = sessionId;
        e.source = source;
        e.sourceId = source == EnrollmentSource.DIRECT ? null : sourceId;
        e.status = EnrollmentStatus.ENROLLED;
        e.enrolledAt = now;
        e.updatedAt = now;
        return e;
    }

    /** @return false if it was already cancelled */
    boolean cancel(String why, Instant now) {
        if (status == EnrollmentStatus.CANCELLED) {
            return false;
        }
        requireLive("cancelled");
        status = EnrollmentStatus.CANCELLED;
        reason = why;
        updatedAt = now;
        return true;
    }

    /**
     * A learner may cancel their own enrollment only if it was made through a pass and is delivered online
     * (LMS); classroom and blended ones commit a seat and a trainer, so they go through support.
     */
    void requireCancellableByLearner(org.trainingsuite.catalog.program.Delivery delivery) {
        if (source != EnrollmentSource.TRAINING_PASS) {
            throw new ConflictException("only enrollments made through a training pass can be cancelled here; ask an administrator");
        }
        if (delivery != org.trainingsuite.catalog.program.Delivery.ONLINE) {
            throw new ConflictException("a " + delivery.name().toLowerCase() + " enrollment made through a pass "
                    + "cannot be cancelled by the learner; only online (LMS) ones can. Please contact support");
        }
    }

    void revoke(String why, Instant now) {
        requireLive("revoked");
        status = EnrollmentStatus.REVOKED;
        reason = why;
        updatedAt = now;
    }

    void complete(Instant now) {
        requireLive("completed");
        status = EnrollmentStatus.COMPLETED;
        updatedAt = now;
    }

    public boolean isLive() {
        return status == EnrollmentStatus.ENROLLED;
    }

    private void requireLive(String what) {
        if (status != EnrollmentStatus.ENROLLED) {
            throw new ConflictException("enrollment " + id + " is " + status + " and cannot be " + what);
        }
    }

    public UUID getId() {
        return id;
    }

    public String getPersonId() {
        return personId;
    }

    public UUID getProgramId() {
        return programId;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public EnrollmentSource getSource() {
        return source;
    }

    public String getSourceId() {
        return sourceId;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
