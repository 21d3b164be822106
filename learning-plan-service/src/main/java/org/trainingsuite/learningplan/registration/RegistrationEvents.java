package org.trainingsuite.learningplan.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payloads of the registration events on {@code learning-plan.assignments} (key: the registration id). */
public final class RegistrationEvents {

    private RegistrationEvents() {
    }

    /**
     * {@code learning-plan.assignment.registration-started.v1}: a person started registering, or added the plan
     * to their learning ({@code how}: ADD_TO_MY_LEARNING, WORKFLOW, ENROLLMENT).
     */
    public record Started(UUID registrationId, UUID planId, String planName, String personId, String how,
                          Instant startedAt) {
    }

    /** One enrollment a registration holds. */
    public record Enrollment(UUID programId, String title, UUID sessionId, Instant sessionStartsAt, UUID enrollmentId,
                             boolean madeByPlan) {
    }

    /** What a registration holds in one milestone. */
    public record MilestoneSummary(UUID milestoneId, String name, List<Enrollment> enrollments) {
    }

    /**
     * {@code learning-plan.assignment.registered.v1}: a person is registered in a plan; what they are enrolled
     * on, per milestone (the registration summary notification is built from it).
     */
    public record Registered(UUID registrationId, UUID planId, String planName, String personId, String registrationType,
                             List<MilestoneSummary> milestones, Instant registeredAt) {
    }

    /** {@code learning-plan.assignment.registration-cancelled.v1}: the person removed the plan from their learning. */
    public record Cancelled(UUID registrationId, UUID planId, String personId, String previousStatus, Instant cancelledAt) {
    }

    /**
     * {@code learning-plan.assignment.registration-deleted.v1}: an admin deleted a person's registration; the
     * enrollments it made were cancelled, the others kept.
     */
    public record Deleted(UUID registrationId, UUID planId, String personId, List<UUID> cancelledEnrollmentIds,
                          List<UUID> keptEnrollmentIds, Instant deletedAt) {
    }
}
