package org.trainingsuite.catalog.enrollment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.catalog.CatalogEventTypes;
import org.trainingsuite.catalog.passes.PassProjection;
import org.trainingsuite.catalog.program.Program;
import org.trainingsuite.catalog.program.ProgramService;
import org.trainingsuite.catalog.program.ProgramSession;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.outbox.Outbox;

@Service
public class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final ProgramService programs;
    private final PassProjection passes;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EnrollmentService(EnrollmentRepository enrollments, ProgramService programs, PassProjection passes, Outbox outbox,
            JdbcTemplate jdbc, Clock clock) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.passes = passes;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Books a person. For courses and events a session is required and a seat is taken with one
     * conditional update, so concurrent bookings never exceed the capacity; a second live booking of the
     * same person on the same session is a 409.
     */
    @Transactional
    public Enrollment enroll(String personId, UUID programId, UUID sessionId, EnrollmentSource source, String sourceId) {
        Program program = programs.get(programId);
        Optional<Enrollment> live = enrollments.findByPersonIdAndProgramId(personId, programId).stream()
                .filter(e -> e.isLive() && Objects.equals(e.getSessionId(), sessionId)).findFirst();
        if (live.isPresent()) {
            Enrollment existing = live.get();
            if (existing.getSource() == source && Objects.equals(existing.getSourceId(), sourceId)) {
                return existing; // the same booking asked again (a retry): answered, not made twice
            }
            throw new ConflictException(personId + " is enrolled on this already (" + existing.getSource()
                    + (existing.getSourceId() == null ? "" : " " + existing.getSourceId()) + "), enrollment " + existing.getId());
        }
        program.requireOpenForEnrollment();
        if (program.getType().hasSessions()) {
            if (sessionId == null) {
                throw new InvalidInputException("sessionId", "a " + program.getType() + " is booked on one of its sessions");
            }
            programs.session(programId, sessionId);
            int taken = jdbc.update("""
                    update program_session set seats_taken = seats_taken + 1
                    where id = ? and (capacity is null or seats_taken < capacity)
                    """, sessionId);
            if (taken == 0) {
                throw new ConflictException("session " + sessionId + " is full");
            }
        } else if (sessionId != null) {
            throw new InvalidInputException("sessionId", "a " + program.getType() + " has no sessions");
        }
        Enrollment enrollment = enrollments.saveAndFlush(
                Enrollment.enroll(personId, programId, sessionId, source, sourceId, clock.instant()));
        announce(CatalogEventTypes.ENROLLED, enrollment, program, null, null);
        return enrollment;
    }

    @Transactional
    public Enrollment cancelByAdmin(UUID enrollmentId, String reason) {
        Enrollment enrollment = get(enrollmentId);
        cancel(enrollment, reason);
        return enrollment;
    }

    /**
     * A learner may cancel their own LMS-delivered enrollment made through a pass; classroom and blended
     * ones are refused (a seat and a trainer are committed), as are other sources (ask an admin).
     */
    @Transactional
    public Enrollment cancelByLearner(UUID enrollmentId, String personId) {
        Enrollment enrollment = enrollments.findById(enrollmentId).filter(e -> e.getPersonId().equals(personId))
                .orElseThrow(() -> NotFoundException.of("enrollment", enrollmentId));
        enrollment.requireCancellableByLearner(programs.get(enrollment.getProgramId()).getDelivery());
        cancel(enrollment, "cancelled by the learner");
        return enrollment;
    }

    /**
     * Access Now's booking: the pass as training-pass-service confirmed it is locked here first (see
     * {@link PassProjection#lockForBooking}), so that a cancellation racing with the booking still revokes it.
     */
    @Transactional
    public Enrollment enrollThroughPass(String personId, UUID programId, UUID sessionId, UUID passId, UUID passTypeId,
            java.time.LocalDate expiresOn) {
        passes.lockForBooking(passId, personId, passTypeId, expiresOn);
        return enroll(personId, programId, sessionId, EnrollmentSource.TRAINING_PASS, passId.toString());
    }

    /** A cancelled pass revokes, at once, every live enrollment made through it. */
    @Transactional
    public void revokeForCancelledPass(IncomingEvent event) {
        String passId = event.payload().get("passId").asString();
        revoke(enrollments.findLiveByPass(passId), "training pass " + passId + " was cancelled");
    }

    /** A pass moved to another person: what the previous holder booked through it loses access. */
    @Transactional
    public void revokeForReassignedPass(IncomingEvent event) {
        String passId = event.payload().get("passId").asString();
        tools.jackson.databind.JsonNode previous = event.payload().get("previousContactId");
        if (previous == null || previous.isNull()) {
            return;
        }
        String previousHolder = previous.asString();
        revoke(enrollments.findLiveByPass(passId).stream().filter(e -> e.getPersonId().equals(previousHolder)).toList(),
                "training pass " + passId + " was moved to another person");
    }

    private void revoke(List<Enrollment> live, String reason) {
        Instant now = clock.instant();
        java.util.Map<UUID, Program> programsById = new java.util.HashMap<>();
        for (Enrollment enrollment : live) {
            enrollment.revoke(reason, now);
            releaseSeat(enrollment);
            enrollments.save(enrollment);
            announce(CatalogEventTypes.ENROLLMENT_REVOKED, enrollment,
                    programsById.computeIfAbsent(enrollment.getProgramId(), programs::get), null, null);
        }
        enrollments.flush();
    }

    /**
     * Records that a person completed a session or activity they are enrolled on; credits default to the
     * session's (or the program's). The completion stays whatever happens to the access later.
     */
    @Transactional
    public Enrollment complete(String personId, UUID programId, UUID sessionId, BigDecimal credits, Instant completedAt) {
        Program program = programs.get(programId);
        Enrollment enrollment = enrollments.findByPersonIdAndProgramId(personId, programId).stream()
                .filter(Enrollment::isLive)
                .filter(e -> sessionId == null || sessionId.equals(e.getSessionId()))
                .findFirst()
                .orElseThrow(() -> new ConflictException("person " + personId + " has no live enrollment on "
                        + (sessionId == null ? "program " + programId : "session " + sessionId)));
        BigDecimal earned = credits != null ? credits : enrollment.getSessionId() != null
                ? programs.session(programId, enrollment.getSessionId()).getCredits() : program.getCredits();
        if (earned.signum() < 0) {
            throw new InvalidInputException("credits", "must not be negative");
        }
        Instant at = completedAt != null ? completedAt : clock.instant();
        enrollment.complete(clock.instant());
        enrollments.saveAndFlush(enrollment);
        jdbc.update("""
                insert into completion (id, enrollment_id, person_id, program_id, session_id, credits, completed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), enrollment.getId(), personId, programId, enrollment.getSessionId(), earned,
                Timestamp.from(at));
        announce(CatalogEventTypes.ENROLLMENT_COMPLETED, enrollment, program, earned, at);
        return enrollment;
    }

    @Transactional(readOnly = true)
    public Enrollment get(UUID id) {
        return enrollments.findById(id).orElseThrow(() -> NotFoundException.of("enrollment", id));
    }

    @Transactional(readOnly = true)
    public Page<Enrollment> of(String personId, Pageable pageable) {
        return enrollments.findByPersonId(personId, pageable);
    }

    @Transactional(readOnly = true)
    public List<Enrollment> of(String personId, UUID programId) {
        return enrollments.findByPersonIdAndProgramId(personId, programId);
    }

    private void cancel(Enrollment enrollment, String reason) {
        if (enrollment.cancel(reason, clock.instant())) {
            releaseSeat(enrollment);
            enrollments.saveAndFlush(enrollment);
            announce(CatalogEventTypes.ENROLLMENT_CANCELLED, enrollment, programs.get(enrollment.getProgramId()), null, null);
        }
    }

    private void releaseSeat(Enrollment enrollment) {
        if (enrollment.getSessionId() != null) {
            jdbc.update("update program_session set seats_taken = seats_taken - 1 where id = ? and seats_taken > 0",
                    enrollment.getSessionId());
        }
    }

    private void announce(EventType type, Enrollment e, Program program, BigDecimal credits, Instant completedAt) {
        outbox.record(type, e.getId().toString(), new EnrollmentChanged(e.getId(), e.getPersonId(), e.getProgramId(),
                program.getType(), e.getSessionId(), e.getSource(), e.getSourceId(), e.getStatus(), e.getReason(),
                credits, completedAt));
    }

    /** The session of an enrollment, if any (for access end dates). */
    ProgramSession sessionOf(Enrollment e) {
        return e.getSessionId() == null ? null : programs.session(e.getProgramId(), e.getSessionId());
    }
}
