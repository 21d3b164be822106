package org.trainingsuite.learningplan.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trainingsuite.learningplan.plan.Metric;
import org.trainingsuite.learningplan.plan.Milestone;
import org.trainingsuite.learningplan.plan.Plan;
import org.trainingsuite.learningplan.plan.RegistrationType;

class MilestoneProgressTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    private Plan plan(boolean ordered) {
        Plan plan = Plan.draft(new Plan.Settings("P", null, null, null, null, ordered, RegistrationType.NON_ENFORCED, false,
                false, List.of()), NOW);
        Milestone sessions = plan.addMilestone(new Milestone.Spec("Sessions", null, Metric.SESSIONS, BigDecimal.valueOf(2),
                null, false), NOW);
        plan.linkPrograms(sessions.getId(), List.of(a, b), java.util.Set.of(), NOW);
        Milestone credits = plan.addMilestone(new Milestone.Spec("Credits", null, Metric.CREDITS, BigDecimal.valueOf(3),
                null, false), NOW);
        plan.linkPrograms(credits.getId(), List.of(c), java.util.Set.of(), NOW);
        return plan;
    }

    private static MilestoneProgress.Completion done(UUID program, int credits) {
        return new MilestoneProgress.Completion(program, BigDecimal.valueOf(credits));
    }

    @Test
    void sessionsAreCountedAndCreditsAddedUp() {
        Plan plan = plan(false);
        MilestoneProgress.Progress r = MilestoneProgress.of(plan, List.of(done(a, 5), done(c, 2)), Map.of());
        assertThat(r.steps().get(0).unitsEarned()).isEqualByComparingTo("1");
        assertThat(r.steps().get(0).met()).isFalse();
        assertThat(r.steps().get(1).unitsEarned()).isEqualByComparingTo("2");
        assertThat(r.complete()).isFalse();
        assertThat(MilestoneProgress.of(plan, List.of(done(a, 5), done(b, 0), done(c, 3)), Map.of()).complete()).isTrue();
    }

    @Test
    void aWaivedMilestoneIsMetAndAnAdjustedOneJudgedByItsOwnUnits() {
        Plan plan = plan(false);
        UUID credits = plan.getMilestones().get(1).getId();
        UUID sessions = plan.getMilestones().get(0).getId();
        Map<UUID, MilestoneProgress.Status> statuses = Map.of(credits, new MilestoneProgress.Status("WAIVED", null),
                sessions, new MilestoneProgress.Status("ADJUSTED", BigDecimal.ONE));
        MilestoneProgress.Progress r = MilestoneProgress.of(plan, List.of(done(a, 1)), statuses);
        assertThat(r.steps().get(1).waived()).isTrue();
        assertThat(r.steps().get(0).unitsRequired()).isEqualByComparingTo("1");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void whereOrderIsEnforcedALaterMilestoneWaitsForTheEarlierOnes() {
        Plan plan = plan(true);
        MilestoneProgress.Progress r = MilestoneProgress.of(plan, List.of(done(c, 3)), Map.of());
        assertThat(r.steps().get(1).unitsEarned()).isEqualByComparingTo("3");
        assertThat(r.steps().get(1).met()).as("earned, but the first milestone is not met yet").isFalse();
        assertThat(MilestoneProgress.of(plan(false), List.of(done(c, 3)), Map.of()).steps().get(1).met()).isTrue();
    }
}
