package org.trainingsuite.learningplan.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trainingsuite.learningplan.programs.KnownProgram;

/**
 * Whether a milestone can be registered for automatically: only where its linked programs exactly meet the
 * requirement, so there is nothing to choose. For SESSIONS: as many linked programs as sessions required,
 * each single-session (an activity, or a course or event with exactly one session): 5 required and 5
 * linked qualifies, 6 linked does not (one would have to be left out). For CREDITS: single-session
 * programs whose credits add up exactly to the credits required. An elective (NONE) milestone requires
 * nothing and always qualifies.
 */
public final class AutoRegistration {

    private AutoRegistration() {
    }

    /** The verdict for one milestone. */
    public record Qualification(UUID milestoneId, String milestone, boolean qualifies, String reason) {
    }

    /** The verdict for a plan: available only if the plan allows it and every milestone qualifies. */
    public record Report(boolean available, String reason, List<Qualification> milestones) {
    }

    public static Report judge(Plan plan, Map<UUID, KnownProgram> programs) {
        List<Qualification> verdicts = new ArrayList<>();
        for (Milestone milestone : plan.getMilestones()) {
            verdicts.add(judge(milestone, programs));
        }
        String reason;
        if (plan.getRegistrationType() != RegistrationType.ENFORCED || !plan.isAutoRegister()) {
            reason = "auto-registration is not enabled on this plan (it needs ENFORCED registration)";
        } else if (verdicts.stream().anyMatch(q -> !q.qualifies())) {
            reason = "registration stops at the first milestone that needs a choice";
        } else {
            reason = "every milestone's requirement is exactly met by its linked programs";
        }
        boolean available = plan.getRegistrationType() == RegistrationType.ENFORCED && plan.isAutoRegister()
                && verdicts.stream().allMatch(Qualification::qualifies);
        return new Report(available, reason, verdicts);
    }

    public static Qualification judge(Milestone m, Map<UUID, KnownProgram> programs) {
        if (m.getMetric() == Metric.NONE) {
            return new Qualification(m.getId(), m.getName(), true, "an elective milestone requires nothing");
        }
        List<UUID> linked = m.programIds();
        List<UUID> unknown = linked.stream().filter(id -> !programs.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            return new Qualification(m.getId(), m.getName(), false, "programs not (yet) known from the catalog: " + unknown);
        }
        List<String> multi = linked.stream().map(programs::get).filter(p -> !p.isSingleSession())
                .map(p -> p.title() + " has " + p.sessionCount() + " sessions to choose from").toList();
        if (!multi.isEmpty()) {
            return new Qualification(m.getId(), m.getName(), false, String.join("; ", multi));
        }
        if (m.getMetric() == Metric.SESSIONS) {
            int required = m.getUnitsRequired().intValueExact();
            if (linked.size() != required) {
                return new Qualification(m.getId(), m.getName(), false, required + " session(s) required but "
                        + linked.size() + " single-session program(s) linked" + (linked.size() > required
                        ? ": the learner would have to choose" : ": not enough to meet the requirement"));
            }
            return new Qualification(m.getId(), m.getName(), true, linked.size() + " single-session programs meet "
                    + required + " required sessions exactly");
        }
        BigDecimal credits = linked.stream().map(programs::get).map(KnownProgram::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (credits.compareTo(m.getUnitsRequired()) != 0) {
            return new Qualification(m.getId(), m.getName(), false, m.getUnitsRequired().stripTrailingZeros().toPlainString()
                    + " credit(s) required but the linked programs give " + credits.stripTrailingZeros().toPlainString());
        }
        return new Qualification(m.getId(), m.getName(), true, "the linked programs give exactly the credits required");
    }
}
