package org.trainingsuite.learningplan.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of the {@code learning-plan.plans} topic: the plan as it is now, with its milestones and their
 * programs. {@code planId} and {@code name} are what catalog-service shows for a plan in a catalog.
 */
public record PlanChanged(UUID planId, String name, String description, Instant startsAt, Instant endsAt,
                          LocalDate dueDate, boolean milestoneOrderEnforced, RegistrationType registrationType,
                          boolean autoRegister, boolean addToMyLearning, PlanStatus status, List<UUID> catalogIds,
                          List<MilestoneView> milestones, long version) {

    public record MilestoneView(UUID milestoneId, String name, Metric metric, BigDecimal unitsRequired, LocalDate dueDate,
                                boolean programOrderEnforced, List<UUID> programIds) {

        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.getId(), m.getName(), m.getMetric(), m.getUnitsRequired(), m.getDueDate(),
                    m.isProgramOrderEnforced(), m.programIds());
        }
    }

    static PlanChanged of(Plan p) {
        return new PlanChanged(p.getId(), p.getName(), p.getDescription(), p.getStartsAt(), p.getEndsAt(), p.getDueDate(),
                p.isMilestoneOrderEnforced(), p.getRegistrationType(), p.isAutoRegister(), p.isAddToMyLearning(),
                p.getStatus(), p.getCatalogIds(), p.getMilestones().stream().map(MilestoneView::of).toList(), p.getVersion());
    }
}
