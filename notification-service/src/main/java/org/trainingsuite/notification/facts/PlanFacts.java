package org.trainingsuite.notification.facts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.notification.message.Occurrence;
import org.trainingsuite.notification.message.Planner;
import org.trainingsuite.notification.trigger.Target;
import org.trainingsuite.notification.trigger.Trigger;
import org.trainingsuite.notification.trigger.TriggerEvent;
import org.trainingsuite.notification.trigger.TriggerService;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Plans learning plan messages from {@code learning-plan.assignments} (binding {@code assignments-in-0}).
 * <ul>
 *   <li>assigned: ASSIGNED triggers; DEADLINE triggers from the person's due date (offsets before it, and
 *       the overdue repeats after it);</li>
 *   <li>registered: REGISTERED triggers, with what the person enrolled on per milestone;</li>
 *   <li>milestone-status-changed: an ADJUSTED milestone with a due date for the person gets its own deadline
 *       reminders (moved when the date moves); WAIVED or NO_ACTION cancels them;</li>
 *   <li>milestone-completed cancels that milestone's pending reminders; plan-completed every pending reminder
 *       of the assignment; registration-deleted the pending messages of that registration (an assignment's
 *       deadline reminders stay: the person is still assigned).</li>
 * </ul>
 */
@Configuration
public class PlanFacts {

    private final JdbcTemplate jdbc;
    private final TriggerService triggers;
    private final Planner planner;
    private final Clock clock;

    PlanFacts(JdbcTemplate jdbc, TriggerService triggers, Planner planner, Clock clock) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.planner = planner;
        this.clock = clock;
    }

    /** An assignment as known here. */
    public record Assignment(UUID id, UUID planId, String planName, String personId, LocalDate dueDate) {
    }

    @Bean
    Consumer<Message<byte[]>> assignments(InboxConsumer.Factory consumers) {
        return consumers.named("notification.assignments")
                .on("learning-plan.assignment.assigned.v1", this::assigned)
                .on("learning-plan.assignment.registered.v1", this::registered)
                .on("learning-plan.assignment.milestone-status-changed.v1", this::milestoneStatus)
                .on("learning-plan.assignment.milestone-completed.v1", this::milestoneCompleted)
                .on("learning-plan.assignment.plan-completed.v1", this::planCompleted)
                .on("learning-plan.assignment.registration-deleted.v1", this::registrationDeleted)
                .build();
    }

    void assigned(IncomingEvent event) {
        JsonNode p = event.payload();
        String due = Payloads.text(p, "dueDate");
        Assignment a = new Assignment(UUID.fromString(p.get("assignmentId").asString()),
                UUID.fromString(p.get("planId").asString()), Payloads.text(p, "planName"), p.get("personId").asString(),
                due == null ? null : LocalDate.parse(due));
        Instant at = event.time() == null ? clock.instant() : event.time().toInstant();
        Boolean completed = jdbc.queryForObject("""
                insert into assignment_state (id, plan_id, plan_name, person_id, due_date, assigned_at) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set plan_name = excluded.plan_name, person_id = excluded.person_id,
                    due_date = excluded.due_date, assigned_at = excluded.assigned_at
                returning completed
                """, Boolean.class, a.id(), a.planId(), a.planName(), a.personId(),
                due == null ? null : Date.valueOf(a.dueDate()), Timestamp.from(at));
        plan(TriggerEvent.ASSIGNED, a, occurrence(a, "assignment:" + a.id() + ":assigned", LocalDate.ofInstant(at, clock.getZone())));
        // a plan completed already (its completion came first, or the person had completed it on their own)
        // has no deadline to remind of
        if (a.dueDate() != null && !Boolean.TRUE.equals(completed)) {
            plan(TriggerEvent.DEADLINE, a, occurrence(a, "assignment:" + a.id() + ":deadline", a.dueDate()));
        }
    }

    void registered(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID planId = UUID.fromString(p.get("planId").asString());
        String person = p.get("personId").asString();
        Instant at = Instant.parse(p.get("registeredAt").asString());
        Map<String, Object> context = planContext(planId, Payloads.text(p, "planName"), null);
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (JsonNode m : p.get("milestones")) {
            List<Map<String, Object>> enrollments = new ArrayList<>();
            for (JsonNode e : m.get("enrollments")) {
                Map<String, Object> enrollment = new LinkedHashMap<>();
                enrollment.put("title", Payloads.text(e, "title"));
                enrollment.put("sessionStartsAt", Payloads.text(e, "sessionStartsAt"));
                enrollments.add(enrollment);
            }
            milestones.add(Map.of("name", m.get("name").asString(), "enrollments", enrollments));
        }
        context.put("milestones", milestones);
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        context.put("event", Map.of("date", day.toString()));
        Occurrence o = new Occurrence("registration:" + p.get("registrationId").asString() + ":" + at, day, person, null,
                null, planId, null, context);
        for (Trigger t : triggers.automated(Target.LEARNING_PLAN, TriggerEvent.REGISTERED)) {
            if (t.coversPlan(planId)) {
                planner.plan(t, o);
            }
        }
    }

    void milestoneStatus(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID assignmentId = UUID.fromString(p.get("assignmentId").asString());
        String milestoneId = p.get("milestoneId").asString();
        String key = "assignment:" + assignmentId + ":milestone:" + milestoneId;
        String due = Payloads.text(p, "dueDate");
        Assignment a = find(assignmentId);
        if ("ADJUSTED".equals(p.get("status").asString()) && due != null && a != null) {
            Occurrence o = occurrence(a, key, LocalDate.parse(due));
            o.context().put("milestone", Map.of("id", milestoneId, "dueDate", due));
            plan(TriggerEvent.DEADLINE, a, o);
        } else {
            planner.cancel("the milestone's due date for the person was lifted", "assignment_id = ? and occurrence = ?",
                    assignmentId, key);
        }
    }

    void milestoneCompleted(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID assignmentId = UUID.fromString(p.get("assignmentId").asString());
        planner.cancel("the milestone was completed", "assignment_id = ? and occurrence = ?", assignmentId,
                "assignment:" + assignmentId + ":milestone:" + p.get("milestoneId").asString());
    }

    void planCompleted(IncomingEvent event) {
        JsonNode p = event.payload();
        UUID assignmentId = UUID.fromString(p.get("assignmentId").asString());
        // kept even when the assignment is not known yet, so its deadline is never planned
        jdbc.update("""
                insert into assignment_state (id, plan_id, person_id, completed, assigned_at) values (?, ?, ?, true, ?)
                on conflict (id) do update set completed = true
                """, assignmentId, UUID.fromString(p.get("planId").asString()), p.get("personId").asString(),
                Timestamp.from(clock.instant()));
        planner.cancel("the plan was completed", "assignment_id = ? and occurrence <> ?", assignmentId,
                "assignment:" + assignmentId + ":assigned");
    }

    void registrationDeleted(IncomingEvent event) {
        JsonNode p = event.payload();
        planner.cancel("the registration was deleted", "plan_id = ? and subject_person = ? and occurrence like ?",
                UUID.fromString(p.get("planId").asString()), p.get("personId").asString(),
                "registration:" + p.get("registrationId").asString() + ":%");
    }

    /** The assignments of these people to a plan, for an admin's manual send. */
    public List<Assignment> assignments(UUID planId, List<String> personIds) {
        return jdbc.query("""
                select id, plan_id, plan_name, person_id, due_date from assignment_state where plan_id = ? and person_id = any(?)
                order by person_id
                """, (rs, n) -> new Assignment(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("plan_name"), rs.getString("person_id"), rs.getObject("due_date", LocalDate.class)),
                planId, personIds.toArray(String[]::new));
    }

    /** The occurrence of an admin's manual send about an assignment, today. */
    public Occurrence manual(Assignment a, LocalDate today) {
        return occurrence(a, "manual:" + today + ":assignment:" + a.id(), today);
    }

    private Assignment find(UUID assignmentId) {
        return jdbc.query("select id, plan_id, plan_name, person_id, due_date from assignment_state where id = ?",
                rs -> rs.next() ? new Assignment(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getString("plan_name"), rs.getString("person_id"), rs.getObject("due_date", LocalDate.class)) : null,
                assignmentId);
    }

    private void plan(TriggerEvent what, Assignment a, Occurrence o) {
        for (Trigger t : triggers.automated(Target.LEARNING_PLAN, what)) {
            if (t.coversPlan(a.planId())) {
                planner.plan(t, o);
            }
        }
    }

    private static Occurrence occurrence(Assignment a, String key, LocalDate anchor) {
        Map<String, Object> context = planContext(a.planId(), a.planName(), a.dueDate());
        context.put("event", Map.of("date", anchor.toString()));
        return new Occurrence(key, anchor, a.personId(), null, null, a.planId(), a.id(), context);
    }

    private static Map<String, Object> planContext(UUID planId, String name, LocalDate due) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", planId.toString());
        plan.put("name", name);
        plan.put("dueDate", due == null ? null : due.toString());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("plan", plan);
        return context;
    }
}
