package org.trainingsuite.learningplan.assignment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.learningplan.LearningPlanEventTypes;
import org.trainingsuite.learningplan.plan.Plan;
import org.trainingsuite.learningplan.plan.PlanService;
import org.trainingsuite.learningplan.plan.PlanStatus;
import org.trainingsuite.learningplan.progress.ProgressService;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.outbox.Outbox;

/**
 * Assigns plans to people and groups. A person has at most one assignment per plan: whoever already has
 * the plan (through a group or individually) keeps their assignment, with its due date and requirements,
 * and a later assignment that includes them is reported as a conflict, not applied. Group assignments stay
 * live: a person who joins an assigned group later is assigned then. Groups of any size are assigned in
 * chunks, in bounded memory.
 */
@Service
public class AssignmentService {

    static final int CHUNK = 1000;
    /** How many conflicts an answer lists by name; all are counted and each has its event. */
    static final int LISTED = 100;

    private final PlanService plans;
    private final ProgressService progress;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AssignmentService(PlanService plans, ProgressService progress, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.plans = plans;
        this.progress = progress;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One person not assigned because they already had the plan. */
    public record Conflict(String personId, String existingVia, String reason) {
    }

    /** What an assignment did. */
    public record Result(UUID planId, int assigned, int conflicted, List<Conflict> conflicts) {
    }

    /** Status of one milestone for one person, and whether this change made the assignment individual. */
    public record StatusChange(UUID assignmentId, UUID milestoneId, String status, boolean madeIndividual) {
    }

    /** One assigned person. */
    public record Assignee(UUID assignmentId, String personId, String via, UUID groupId, boolean individual,
                           LocalDate dueDate, Instant assignedAt) {
    }

    @Transactional
    public Result assignPeople(UUID planId, List<String> personIds, LocalDate dueDate) {
        Plan plan = assignable(planId);
        List<String> ids = List.copyOf(new LinkedHashSet<>(personIds));
        int assigned = 0;
        List<Conflict> conflicts = new ArrayList<>();
        int conflicted = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            Outcome outcome = assignChunk(plan, ids.subList(i, Math.min(ids.size(), i + CHUNK)), "PERSON", null, dueDate);
            assigned += outcome.assigned();
            conflicted += outcome.conflicts().size();
            addListed(conflicts, outcome.conflicts());
        }
        return new Result(planId, assigned, conflicted, conflicts);
    }

    /**
     * Assigns a group: its current members now, and anyone who joins later (from membership events). The
     * members are read in chunks of {@value #CHUNK}, so a group of any size takes bounded memory.
     */
    @Transactional
    public Result assignGroup(UUID planId, UUID groupId, LocalDate dueDate) {
        Plan plan = assignable(planId);
        int added = jdbc.update("""
                insert into group_assignment (plan_id, group_id, due_date, assigned_at) values (?, ?, ?, ?)
                on conflict (plan_id, group_id) do nothing
                """, planId, groupId, dueDate == null ? null : Date.valueOf(dueDate), Timestamp.from(clock.instant()));
        if (added == 0) {
            throw new ConflictException("group " + groupId + " is assigned to plan " + plan.getName() + " already");
        }
        int assigned = 0;
        int conflicted = 0;
        List<Conflict> conflicts = new ArrayList<>();
        String after = "";
        while (true) {
            List<String> members = jdbc.queryForList("""
                    select person_id from group_member where group_id = ? and person_id > ? order by person_id limit ?
                    """, String.class, groupId, after, CHUNK);
            if (members.isEmpty()) {
                break;
            }
            Outcome outcome = assignChunk(plan, members, "GROUP", groupId, dueDate);
            assigned += outcome.assigned();
            conflicted += outcome.conflicts().size();
            addListed(conflicts, outcome.conflicts());
            after = members.getLast();
        }
        return new Result(planId, assigned, conflicted, conflicts);
    }

    /**
     * Sets one person's status on one milestone: NO_ACTION, WAIVED, or ADJUSTED requirements. Changing a
     * group-assigned person's milestone makes their assignment individual: group changes no longer apply.
     */
    @Transactional
    public StatusChange setMilestoneStatus(UUID planId, String personId, UUID milestoneId, String status,
            BigDecimal unitsRequired, LocalDate dueDate, String notes) {
        Plan plan = plans.get(planId);
        plan.milestone(milestoneId);
        if ("ADJUSTED".equals(status) && unitsRequired == null && dueDate == null) {
            throw new InvalidInputException("status", "ADJUSTED needs new units required or a new due date");
        }
        Map<String, Object> row = jdbc.query("""
                select id, via, group_id, individual from assignment where plan_id = ? and person_id = ? for update
                """, rs -> rs.next() ? Map.<String, Object>of("id", rs.getObject("id", UUID.class), "via", rs.getString("via"),
                "individual", rs.getBoolean("individual"), "group", rs.getObject("group_id", UUID.class) == null
                        ? new UUID(0, 0) : rs.getObject("group_id", UUID.class)) : null, planId, personId);
        if (row == null) {
            throw NotFoundException.of("assignment", "of " + personId + " to plan " + planId);
        }
        UUID assignmentId = (UUID) row.get("id");
        boolean madeIndividual = "GROUP".equals(row.get("via")) && !(Boolean) row.get("individual");
        jdbc.update("""
                insert into milestone_status (assignment_id, milestone_id, status, units_required, due_date, notes)
                values (?, ?, ?, ?, ?, ?)
                on conflict (assignment_id, milestone_id) do update set status = excluded.status,
                    units_required = excluded.units_required, due_date = excluded.due_date, notes = excluded.notes
                """, assignmentId, milestoneId, status, unitsRequired, dueDate == null ? null : Date.valueOf(dueDate), notes);
        if (madeIndividual) {
            jdbc.update("update assignment set individual = true, version = version + 1 where id = ?", assignmentId);
            outbox.record(LearningPlanEventTypes.ASSIGNMENT_OVERRIDDEN, assignmentId.toString(),
                    new AssignmentEvents.Overridden(assignmentId, planId, personId, (UUID) row.get("group"), milestoneId));
        }
        outbox.record(LearningPlanEventTypes.MILESTONE_STATUS_CHANGED, assignmentId.toString(),
                new AssignmentEvents.MilestoneStatusChanged(assignmentId, planId, personId, milestoneId, status,
                        unitsRequired, dueDate, notes));
        progress.recompute(assignmentId); // a waived or adjusted milestone may be met now
        return new StatusChange(assignmentId, milestoneId, status, madeIndividual);
    }

    /** A person joined a group: every plan assigned to the group is assigned to them (unless they have it). */
    @Transactional
    public void memberAdded(IncomingEvent event) {
        UUID groupId = UUID.fromString(event.payload().get("groupId").asString());
        String personId = event.payload().get("personId").asString();
        jdbc.update("insert into group_member (group_id, person_id) values (?, ?) on conflict do nothing", groupId, personId);
        List<Map<String, Object>> assignedPlans = jdbc.queryForList(
                "select plan_id, due_date from group_assignment where group_id = ?", groupId);
        for (Map<String, Object> a : assignedPlans) {
            Plan plan = plans.get((UUID) a.get("plan_id"));
            Date due = (Date) a.get("due_date");
            assignChunk(plan, List.of(personId), "GROUP", groupId, due == null ? null : due.toLocalDate());
        }
    }

    /**
     * A person left a group: they leave the membership, and keep the assignments they got through it, with
     * their progress (the plan was theirs; an admin can still remove it).
     */
    @Transactional
    public void memberRemoved(IncomingEvent event) {
        jdbc.update("delete from group_member where group_id = ? and person_id = ?",
                UUID.fromString(event.payload().get("groupId").asString()), event.payload().get("personId").asString());
    }

    @Transactional(readOnly = true)
    public Page<Assignee> assigned(UUID planId, Pageable pageable) {
        plans.get(planId);
        List<Assignee> page = jdbc.query("""
                select id, person_id, via, group_id, individual, due_date, assigned_at from assignment
                where plan_id = ? and via <> 'SELF' order by person_id limit ? offset ?
                """, (rs, n) -> new Assignee(rs.getObject("id", UUID.class), rs.getString("person_id"), rs.getString("via"),
                rs.getObject("group_id", UUID.class), rs.getBoolean("individual"),
                rs.getObject("due_date", LocalDate.class), rs.getTimestamp("assigned_at").toInstant()),
                planId, pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("select count(*) from assignment where plan_id = ? and via <> 'SELF'", Long.class,
                planId);
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    private record Outcome(int assigned, List<Conflict> conflicts) {
    }

    /**
     * Assigns the people not yet assigned; the others are conflicts, each with its event. Someone who only
     * registered themselves (a SELF assignment) is assigned for real, keeping their progress.
     */
    private Outcome assignChunk(Plan plan, List<String> personIds, String via, UUID groupId, LocalDate dueDate) {
        Instant now = clock.instant();
        LocalDate due = dueDate != null ? dueDate : plan.getDueDate();
        List<Map<String, Object>> inserted = jdbc.queryForList("""
                insert into assignment (id, plan_id, person_id, via, group_id, individual, due_date, assigned_at)
                select gen_random_uuid(), ?, person_id, ?, ?, false, ?, ? from unnest(?::varchar[]) as person_id
                on conflict (plan_id, person_id) do update set via = excluded.via, group_id = excluded.group_id,
                    individual = false, due_date = excluded.due_date, assigned_at = excluded.assigned_at,
                    overdue_at = null, version = assignment.version + 1
                    where assignment.via = 'SELF'
                returning id, person_id, completed_at
                """, plan.getId(), via, groupId, due == null ? null : Date.valueOf(due), Timestamp.from(now),
                personIds.toArray(String[]::new));
        Set<String> assignedNow = new HashSet<>();
        List<Outbox.Event> events = new ArrayList<>(inserted.size());
        for (Map<String, Object> row : inserted) {
            UUID id = (UUID) row.get("id");
            String person = (String) row.get("person_id");
            assignedNow.add(person);
            events.add(new Outbox.Event(id.toString(), new AssignmentEvents.Assigned(id, plan.getId(), plan.getName(),
                    person, via, groupId, due)));
        }
        outbox.recordAll(LearningPlanEventTypes.ASSIGNED, events);
        // someone who had completed the plan on their own before being assigned: the assignment is complete too
        List<Outbox.Event> completed = new ArrayList<>();
        for (Map<String, Object> row : inserted) {
            if (row.get("completed_at") instanceof Timestamp at) {
                UUID id = (UUID) row.get("id");
                completed.add(new Outbox.Event(id.toString(), new ProgressService.PlanCompleted(id, plan.getId(),
                        (String) row.get("person_id"), at.toInstant())));
            }
        }
        outbox.recordAll(LearningPlanEventTypes.PLAN_COMPLETED, completed);
        if (!assignedNow.isEmpty()) {
            progress.catchUp(plan.getId(), List.copyOf(assignedNow)); // completions that came before the assignment
        }
        List<String> others = personIds.stream().filter(p -> !assignedNow.contains(p)).toList();
        List<Conflict> conflicts = new ArrayList<>();
        if (!others.isEmpty()) {
            Map<String, Map<String, Object>> existing = new HashMap<>();
            jdbc.queryForList("select id, person_id, via from assignment where plan_id = ? and person_id = any(?)",
                    plan.getId(), others.toArray(String[]::new)).forEach(r -> existing.put((String) r.get("person_id"), r));
            List<Outbox.Event> conflictEvents = new ArrayList<>();
            for (String person : others) {
                Map<String, Object> e = existing.get(person);
                String reason = "already assigned " + ("GROUP".equals(e.get("via")) ? "through a group" : "individually")
                        + "; their due date and requirements stay";
                conflicts.add(new Conflict(person, (String) e.get("via"), reason));
                conflictEvents.add(new Outbox.Event(e.get("id").toString(), new AssignmentEvents.Conflicted(
                        (UUID) e.get("id"), plan.getId(), person, (String) e.get("via"), via, groupId, reason)));
            }
            outbox.recordAll(LearningPlanEventTypes.ASSIGNMENT_CONFLICTED, conflictEvents);
        }
        return new Outcome(inserted.size(), conflicts);
    }

    private Plan assignable(UUID planId) {
        Plan plan = plans.get(planId);
        if (plan.getStatus() != PlanStatus.PUBLISHED) {
            throw new ConflictException("plan " + plan.getName() + " is " + plan.getStatus() + "; only published plans are assigned");
        }
        return plan;
    }

    private static void addListed(List<Conflict> listed, List<Conflict> more) {
        for (Conflict c : more) {
            if (listed.size() >= LISTED) {
                return;
            }
            listed.add(c);
        }
    }
}
