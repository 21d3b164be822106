package org.trainingsuite.learningplan.plan;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.learningplan.LearningPlanEventTypes;
import org.trainingsuite.learningplan.programs.KnownProgram;
import org.trainingsuite.learningplan.programs.ProgramProjection;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.web.LikePattern;

@Service
public class PlanService {

    private final PlanRepository plans;
    private final ProgramProjection programs;
    private final Outbox outbox;
    private final Clock clock;

    PlanService(PlanRepository plans, ProgramProjection programs, Outbox outbox, Clock clock) {
        this.plans = plans;
        this.programs = programs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Plan createPlan(Plan.Settings settings) {
        return plans.saveAndFlush(Plan.draft(settings, clock.instant()));
    }

    @Transactional
    public Plan configure(UUID id, Plan.Settings settings, long expectedVersion) {
        Plan plan = lock(id);
        if (plan.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("plan " + id + " is at version " + plan.getVersion());
        }
        plan.configure(settings, clock.instant());
        return saved(plan);
    }

    @Transactional
    public Plan duplicate(UUID id, Plan.DuplicateMode mode) {
        return plans.saveAndFlush(get(id).duplicate(mode, clock.instant()));
    }

    @Transactional
    public Milestone addMilestone(UUID id, Milestone.Spec spec) {
        Plan plan = lock(id);
        Milestone milestone = plan.addMilestone(spec, clock.instant());
        saved(plan);
        return milestone;
    }

    @Transactional
    public Plan editMilestone(UUID id, UUID milestoneId, Milestone.Spec spec) {
        Plan plan = lock(id);
        Set<UUID> activities = programs.find(plan.milestone(milestoneId).programIds()).values().stream()
                .filter(KnownProgram::isActivity).map(KnownProgram::id).collect(Collectors.toSet());
        plan.editMilestone(milestoneId, spec, activities, clock.instant());
        return saved(plan);
    }

    @Transactional
    public Plan removeMilestone(UUID id, UUID milestoneId) {
        Plan plan = lock(id);
        plan.removeMilestone(milestoneId, clock.instant());
        return saved(plan);
    }

    @Transactional
    public Plan reorderMilestones(UUID id, List<UUID> order) {
        Plan plan = lock(id);
        plan.reorderMilestones(order, clock.instant());
        return saved(plan);
    }

    /** Links catalog programs to a milestone; each must be a program the catalog has published. */
    @Transactional
    public List<UUID> linkPrograms(UUID id, UUID milestoneId, List<UUID> programIds) {
        Plan plan = lock(id);
        Map<UUID, KnownProgram> known = programs.find(new HashSet<>(programIds));
        List<UUID> unknown = programIds.stream().filter(p -> !known.containsKey(p)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("programIds", "not published in the catalog (or not known here yet): " + unknown);
        }
        Set<UUID> activities = known.values().stream().filter(KnownProgram::isActivity).map(KnownProgram::id)
                .collect(Collectors.toSet());
        List<UUID> added = plan.linkPrograms(milestoneId, programIds, activities, clock.instant());
        saved(plan);
        return added;
    }

    @Transactional
    public Plan unlinkProgram(UUID id, UUID milestoneId, UUID programId) {
        Plan plan = lock(id);
        plan.unlinkProgram(milestoneId, programId, clock.instant());
        return saved(plan);
    }

    @Transactional
    public Plan reorderPrograms(UUID id, UUID milestoneId, List<UUID> order) {
        Plan plan = lock(id);
        plan.reorderPrograms(milestoneId, order, clock.instant());
        return saved(plan);
    }

    @Transactional
    public Plan publish(UUID id) {
        Plan plan = lock(id);
        if (plan.publish(clock.instant())) {
            plans.saveAndFlush(plan);
            announce(LearningPlanEventTypes.PLAN_PUBLISHED, plan);
        }
        return plan;
    }

    @Transactional
    public Plan archive(UUID id) {
        Plan plan = lock(id);
        if (plan.archive(clock.instant())) {
            plans.saveAndFlush(plan);
            announce(LearningPlanEventTypes.PLAN_ARCHIVED, plan);
        }
        return plan;
    }

    @Transactional(readOnly = true)
    public Plan get(UUID id) {
        return plans.findById(id).orElseThrow(() -> NotFoundException.of("plan", id));
    }

    @Transactional(readOnly = true)
    public Page<Plan> search(String query, PlanStatus status, Pageable pageable) {
        return plans.search(LikePattern.contains(query), status == null, status, pageable);
    }

    @Transactional(readOnly = true)
    public AutoRegistration.Report autoRegistration(UUID id) {
        Plan plan = get(id);
        Set<UUID> linked = new HashSet<>();
        plan.getMilestones().forEach(m -> linked.addAll(m.programIds()));
        return AutoRegistration.judge(plan, programs.find(linked));
    }

    private Plan lock(UUID id) {
        return plans.findForUpdate(id).orElseThrow(() -> NotFoundException.of("plan", id));
    }

    /** Saves a change; a published plan announces it. */
    private Plan saved(Plan plan) {
        plans.saveAndFlush(plan);
        if (plan.getStatus() == PlanStatus.PUBLISHED) {
            announce(LearningPlanEventTypes.PLAN_UPDATED, plan);
        }
        return plan;
    }

    private void announce(EventType type, Plan plan) {
        outbox.record(type, plan.getId().toString(), PlanChanged.of(plan));
    }
}
