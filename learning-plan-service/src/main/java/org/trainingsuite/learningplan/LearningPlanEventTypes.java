package org.trainingsuite.learningplan;

import java.util.List;
import org.trainingsuite.platform.messaging.EventType;

/** Every event learning-plan-service emits. Payload schemas: {@code src/main/resources/events/<type>.schema.json}. */
public final class LearningPlanEventTypes {

    /** Emitted when a plan is published: its settings and milestones (catalog-service takes its title from it). */
    public static final EventType PLAN_PUBLISHED = EventType.of("learning-plan.plan.published.v1", "learning-plan.plans");
    /** Emitted when a published plan or its milestones change. */
    public static final EventType PLAN_UPDATED = EventType.of("learning-plan.plan.updated.v1", "learning-plan.plans");
    /** Emitted when a plan is archived. */
    public static final EventType PLAN_ARCHIVED = EventType.of("learning-plan.plan.archived.v1", "learning-plan.plans");

    /** Emitted when a person is assigned a plan, individually or through a group (also a later group member). */
    public static final EventType ASSIGNED = EventType.of("learning-plan.assignment.assigned.v1", "learning-plan.assignments");
    /** Emitted for each person an assignment was not applied to because they already had the plan. */
    public static final EventType ASSIGNMENT_CONFLICTED = EventType.of("learning-plan.assignment.assignment-conflicted.v1", "learning-plan.assignments");
    /** Emitted when editing a group-assigned person's milestone made their assignment individual. */
    public static final EventType ASSIGNMENT_OVERRIDDEN = EventType.of("learning-plan.assignment.overridden.v1", "learning-plan.assignments");
    /** Emitted when one person's status on one milestone is set (no action, waived, adjusted). */
    public static final EventType MILESTONE_STATUS_CHANGED = EventType.of("learning-plan.assignment.milestone-status-changed.v1", "learning-plan.assignments");

    /** Emitted when a person meets a (non-elective) milestone: by completions, or because it was waived. */
    public static final EventType MILESTONE_COMPLETED = EventType.of("learning-plan.assignment.milestone-completed.v1", "learning-plan.assignments");
    /** Emitted once when a person has met every milestone of a plan. */
    public static final EventType PLAN_COMPLETED = EventType.of("learning-plan.assignment.plan-completed.v1", "learning-plan.assignments");

    /** Emitted once when an assignment passes its due date without the plan completed. */
    public static final EventType OVERDUE = EventType.of("learning-plan.assignment.overdue.v1", "learning-plan.assignments");

    /** Emitted when a person starts registering, or adds the plan to their learning (key: the registration id). */
    public static final EventType REGISTRATION_STARTED = EventType.of("learning-plan.assignment.registration-started.v1", "learning-plan.assignments");
    /** Emitted when a person is registered, with what they are enrolled on per milestone. */
    public static final EventType REGISTERED = EventType.of("learning-plan.assignment.registered.v1", "learning-plan.assignments");
    /** Emitted when a person removes the plan from their learning (cancels their registration). */
    public static final EventType REGISTRATION_CANCELLED = EventType.of("learning-plan.assignment.registration-cancelled.v1", "learning-plan.assignments");
    /** Emitted when an admin deletes a person's registration: the enrollments it made were cancelled. */
    public static final EventType REGISTRATION_DELETED = EventType.of("learning-plan.assignment.registration-deleted.v1", "learning-plan.assignments");

    public static final List<EventType> ALL = List.of(PLAN_PUBLISHED, PLAN_UPDATED, PLAN_ARCHIVED, ASSIGNED,
            ASSIGNMENT_CONFLICTED, ASSIGNMENT_OVERRIDDEN, MILESTONE_STATUS_CHANGED, MILESTONE_COMPLETED, PLAN_COMPLETED,
            OVERDUE, REGISTRATION_STARTED, REGISTERED, REGISTRATION_CANCELLED, REGISTRATION_DELETED);

    private LearningPlanEventTypes() {
    }
}
