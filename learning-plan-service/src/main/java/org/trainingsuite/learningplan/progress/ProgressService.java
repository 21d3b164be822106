package org.trainingsuite.learningplan.progress;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.learningplan.LearningPlanEventTypes;
import org.trainingsuite.learningplan.plan.Metric;
import org.trainingsuite.learningplan.plan.Plan;
import org.trainingsuite.learningplan.plan.PlanService;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each assignment's progress from catalog completion events: what is earned per milestone, when each
 * was met, when the plan was completed, with an event for each milestone met and for the plan. A completion
 * that arrives before the assignment it counts for is kept and counted when the assignment comes.
 */
@Service
public class ProgressService {

    private final PlanService plans;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProgressService(PlanService plans, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.plans = plans;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code learning-plan.assignment.milestone-completed.v1}. */
    public record MilestoneCompleted(UUID assignmentId, UUID planId, String personId, UUID milestoneId, Metric metric,
                                     BigDecimal unitsRequired, BigDecimal unitsEarned, boolean waived, Instant completedAt) {
    }

    /** {@code learning-plan.assignment.plan-completed.v1}. */
    public record PlanCompleted(UUID assignmentId, UUID planId, String personId, Instant completedAt) {
    }

    /** One assignment as its person sees it. */
    public record MyPlan(UUID assignmentId, UUID planId, String planName, String via, String registration,
                         LocalDate dueDate, boolean overdue, Instant completedAt, List<MilestoneProgress.MilestoneStep> milestones,
                         String nextDue) {
    }

    /** A completion from catalog-service; counted once, whatever the redeliveries. */
    @Transactional
    public void completed(IncomingEvent event) {
        JsonNode p = event.payload();
        String personId = p.get("personId").asString();
        int inserted = jdbc.update("""
                insert into completion_record (enrollment_id, person_id, program_id, session_id, credits, completed_at)
                values (?, ?, ?, ?, ?, ?) on conflict (enrollment_id) do nothing
                """, UUID.fromString(p.get("enrollmentId").asString()), personId, UUID.fromString(p.get("programId").asString()),
                Payloads.uuid(p, "sessionId"),
                p.get("credits").decimalValue(), Timestamp.from(Instant.parse(p.get("completedAt").asString())));
        if (inserted == 1) {
            for (UUID assignment : jdbc.queryForList("select id from assignment where person_id = ?", UUID.class, personId)) {
                recompute(assignment);
            }
        }
    }

    /** Recomputes the progress of the assignments of these people who have completions already (new assignments). */
    @Transactional
    public void catchUp(UUID planId, List<String> personIds) {
        List<UUID> withCompletions = jdbc.queryForList("""
                select a.id from assignment a where a.plan_id = ? and a.person_id = any(?)
                and exists (select 1 from completion_record c where c.person_id = a.person_id)
                """, UUID.class, planId, personIds.toArray(String[]::new));
        withCompletions.forEach(this::recompute);
    }

    /** Recomputes one assignment's progress and announces what it newly met. */
    @Transactional
    public void recompute(UUID assignmentId) {
        Map<String, Object> a = jdbc.queryForMap(
                "select plan_id, person_id, completed_at from assignment where id = ? for update", assignmentId);
        Plan plan = plans.get((UUID) a.get("plan_id"));
        String personId = (String) a.get("person_id");
        MilestoneProgress.Progress result = MilestoneProgress.of(plan, completions(personId, plan), statuses(assignmentId));
        Map<UUID, Timestamp> metBefore = new HashMap<>();
        jdbc.query("select milestone_id, met_at from milestone_progress where assignment_id = ?", rs -> {
            metBefore.put(rs.getObject("milestone_id", UUID.class), rs.getTimestamp("met_at"));
        }, assignmentId);
        Instant now = clock.instant();
        for (MilestoneProgress.MilestoneStep step : result.steps()) {
            boolean newlyMet = step.met() && metBefore.get(step.milestoneId()) == null;
            Timestamp metAt = step.met() ? (newlyMet ? Timestamp.from(now) : metBefore.get(step.milestoneId())) : null;
            jdbc.update("""
                    insert into milestone_progress (assignment_id, milestone_id, units_earned, met_at) values (?, ?, ?, ?)
                    on conflict (assignment_id, milestone_id) do update set units_earned = excluded.units_earned,
                        met_at = excluded.met_at
                    """, assignmentId, step.milestoneId(), step.unitsEarned(), metAt);
            if (newlyMet && step.metric() != Metric.NONE) {
                outbox.record(LearningPlanEventTypes.MILESTONE_COMPLETED, assignmentId.toString(), new MilestoneCompleted(
                        assignmentId, plan.getId(), personId, step.milestoneId(), step.metric(), step.unitsRequired(),
                        step.unitsEarned(), step.waived(), now));
            }
        }
        if (result.complete() && a.get("completed_at") == null) {
            jdbc.update("update assignment set completed_at = ?, version = version + 1 where id = ?", Timestamp.from(now),
                    assignmentId);
            outbox.record(LearningPlanEventTypes.PLAN_COMPLETED, assignmentId.toString(),
                    new PlanCompleted(assignmentId, plan.getId(), personId, now));
        }
    }

    /**
     * The caller's plans with their progress: those assigned to them, and those they registered in or added to
     * their learning themselves (while that registration lasts). {@code registration}: their registration
     * status (NONE, STARTED, REGISTERED, CANCELLED, DELETED).
     */
    @Transactional(readOnly = true)
    public List<MyPlan> myPlans(String personId) {
        LocalDate today = LocalDate.now(clock);
        List<MyPlan> mine = new ArrayList<>();
        for (Map<String, Object> a : jdbc.queryForList("""
                select a.id, a.plan_id, a.via, a.due_date, a.completed_at, coalesce(r.status, 'NONE') as registration
                from assignment a left join registration r on r.plan_id = a.plan_id and r.person_id = a.person_id
                where a.person_id = ? and (a.via <> 'SELF' or r.status in ('STARTED', 'REGISTERED'))
                order by a.assigned_at, a.id
                """, personId)) {
            UUID assignmentId = (UUID) a.get("id");
            Plan plan = plans.get((UUID) a.get("plan_id"));
            MilestoneProgress.Progress result = MilestoneProgress.of(plan, completions(personId, plan), statuses(assignmentId));
            java.sql.Date due = (java.sql.Date) a.get("due_date");
            LocalDate dueDate = due == null ? null : due.toLocalDate();
            Timestamp completed = (Timestamp) a.get("completed_at");
            String next = result.steps().stream().filter(s -> !s.met()).findFirst()
                    .map(s -> s.name() + ": " + s.unitsEarned().stripTrailingZeros().toPlainString() + " of "
                            + s.unitsRequired().stripTrailingZeros().toPlainString() + " " + s.metric().name().toLowerCase())
                    .orElse(null);
            mine.add(new MyPlan(assignmentId, plan.getId(), plan.getName(), (String) a.get("via"),
                    (String) a.get("registration"), dueDate,
                    completed == null && dueDate != null && today.isAfter(dueDate),
                    completed == null ? null : completed.toInstant(), result.steps(), next));
        }
        return mine;
    }

    private List<MilestoneProgress.Completion> completions(String personId, Plan plan) {
        Set<UUID> linked = new HashSet<>();
        plan.getMilestones().forEach(m -> linked.addAll(m.programIds()));
        if (linked.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select program_id, credits from completion_record where person_id = ? and program_id = any(?)",
                (rs, n) -> new MilestoneProgress.Completion(rs.getObject("program_id", UUID.class), rs.getBigDecimal("credits")),
                personId, linked.toArray(UUID[]::new));
    }

    private Map<UUID, MilestoneProgress.Status> statuses(UUID assignmentId) {
        Map<UUID, MilestoneProgress.Status> statuses = new HashMap<>();
        jdbc.query("select milestone_id, status, units_required from milestone_status where assignment_id = ?", rs -> {
            statuses.put(rs.getObject("milestone_id", UUID.class),
                    new MilestoneProgress.Status(rs.getString("status"), rs.getBigDecimal("units_required")));
        }, assignmentId);
        return statuses;
    }
}
