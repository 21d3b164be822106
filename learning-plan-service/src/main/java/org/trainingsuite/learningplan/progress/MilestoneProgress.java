package org.trainingsuite.learningplan.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trainingsuite.learningplan.plan.Metric;
import org.trainingsuite.learningplan.plan.Milestone;
import org.trainingsuite.learningplan.plan.Plan;

/**
 * How far one person is in a plan, computed from their completions and their milestone statuses; plain
 * code. SESSIONS milestones count completed sessions (or activities) of linked programs; CREDITS ones add
 * up their credits; a waived milestone is met whatever was earned; an adjusted one is judged against its
 * adjusted units. Where the plan enforces milestone order, a milestone is met only once every earlier one
 * is. Elective (NONE) milestones never hold a plan back.
 */
public final class MilestoneProgress {

    private MilestoneProgress() {
    }

    /** One completion of a linked program. */
    public record Completion(UUID programId, BigDecimal credits) {
    }

    /** A person's status on a milestone: WAIVED, or ADJUSTED units (null = as the plan says). */
    public record Status(String status, BigDecimal unitsRequired) {
    }

    /** The progress on one milestone. */
    public record MilestoneStep(UUID milestoneId, String name, Metric metric, BigDecimal unitsRequired, BigDecimal unitsEarned,
                       boolean waived, boolean met) {
    }

    /** The progress on a whole plan. */
    public record Progress(List<MilestoneStep> steps, boolean complete) {
    }

    public static Progress of(Plan plan, List<Completion> completions, Map<UUID, Status> statuses) {
        List<MilestoneStep> steps = new ArrayList<>();
        boolean earlierMet = true;
        for (Milestone m : plan.getMilestones()) {
            Status status = statuses.get(m.getId());
            boolean waived = status != null && "WAIVED".equals(status.status());
            BigDecimal required = status != null && "ADJUSTED".equals(status.status()) && status.unitsRequired() != null
                    ? status.unitsRequired() : m.getUnitsRequired();
            List<Completion> counted = completions.stream().filter(c -> m.programIds().contains(c.programId())).toList();
            BigDecimal earned = m.getMetric() == Metric.CREDITS
                    ? counted.stream().map(Completion::credits).reduce(BigDecimal.ZERO, BigDecimal::add)
                    : BigDecimal.valueOf(counted.size());
            boolean enough = waived || m.getMetric() == Metric.NONE || earned.compareTo(required) >= 0;
            boolean met = enough && (!plan.isMilestoneOrderEnforced() || earlierMet);
            steps.add(new MilestoneStep(m.getId(), m.getName(), m.getMetric(), required, earned, waived, met));
            earlierMet = earlierMet && met;
        }
        boolean complete = !steps.isEmpty() && steps.stream().allMatch(MilestoneStep::met);
        return new Progress(steps, complete);
    }
}
