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

    public static final List<EventType> ALL = List.of(PLAN_PUBLISHED, PLAN_UPDATED, PLAN_ARCHIVED);

    private LearningPlanEventTypes() {
    }
}
