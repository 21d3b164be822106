package org.trainingsuite.learningplan.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads of the {@code learning-plan.assignments} topic (key: the assignment id). */
public final class AssignmentEvents {

    private AssignmentEvents() {
    }

    /** {@code learning-plan.assignment.assigned.v1}: a person is assigned a plan, individually or through a group. */
    public record Assigned(UUID assignmentId, UUID planId, String planName, String personId, String via, UUID groupId,
                           LocalDate dueDate) {
    }

    /**
     * {@code learning-plan.assignment.assignment-conflicted.v1}: an assignment was not applied to a person who
     * already has the plan; their existing assignment (and its due date and requirements) stays.
     */
    public record Conflicted(UUID assignmentId, UUID planId, String personId, String existingVia, String attemptedVia,
                             UUID attemptedGroupId, String reason) {
    }

    /** {@code learning-plan.assignment.overridden.v1}: a group-assigned person's assignment became individual. */
    public record Overridden(UUID assignmentId, UUID planId, String personId, UUID groupId, UUID milestoneId) {
    }

    /** {@code learning-plan.assignment.milestone-status-changed.v1}: one person's status on one milestone. */
    public record MilestoneStatusChanged(UUID assignmentId, UUID planId, String personId, UUID milestoneId, String status,
                                         BigDecimal unitsRequired, LocalDate dueDate, String notes) {
    }
}
