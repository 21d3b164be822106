package org.trainingsuite.learningplan.registration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.learningplan.LearningPlanEventTypes;
import org.trainingsuite.learningplan.plan.AutoRegistration;
import org.trainingsuite.learningplan.plan.Metric;
import org.trainingsuite.learningplan.plan.Milestone;
import org.trainingsuite.learningplan.plan.Plan;
import org.trainingsuite.learningplan.plan.PlanService;
import org.trainingsuite.learningplan.plan.PlanStatus;
import org.trainingsuite.learningplan.plan.RegistrationType;
import org.trainingsuite.learningplan.programs.KnownProgram;
import org.trainingsuite.learningplan.programs.ProgramProjection;
import org.trainingsuite.learningplan.progress.ProgressService;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;

/**
 * Registration in a plan, as its registration type says.
 * <ul>
 *   <li>ENFORCED: the person chooses enrollments for every milestone's requirement, then completes (the review
 *       step); milestones that qualify for auto-registration need no choice, so with every milestone
 *       qualifying the workflow starts at the review step. Completing enrolls them through catalog-service.</li>
 *   <li>NON_ENFORCED: the person enrolls as they go, one program at a time; the first enrollment registers them.</li>
 *   <li>DISABLED: no registration; the plan is simply visible (it can still be added to one's learning).</li>
 * </ul>
 * "Add to my learning" starts a registration, "remove" cancels it. An admin deleting a registration cancels the
 * enrollments the registration made, and nothing else. A person registering without being assigned gets a
 * SELF assignment, so their progress counts like anyone's.
 *
 * <p>Calls to catalog-service never run inside a database transaction: each enrollment is recorded as it is
 * made, and every step can be repeated (catalog answers a repeated booking with the same enrollment), so a
 * failure half-way leaves a registration that the next attempt completes.
 */
@Service
public class RegistrationService {

    private final PlanService plans;
    private final ProgramProjection programs;
    private final ProgressService progress;
    private final CatalogEnrollments catalog;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    RegistrationService(PlanService plans, ProgramProjection programs, ProgressService progress, CatalogEnrollments catalog,
            Outbox outbox, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.plans = plans;
        this.programs = programs;
        this.progress = progress;
        this.catalog = catalog;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A program (and session) chosen for a milestone. */
    public record Choice(UUID programId, UUID sessionId) {
    }

    /** A choice as the registration holds it. */
    public record Chosen(UUID programId, String title, UUID sessionId, String state, UUID enrollmentId, boolean madeByPlan) {
    }

    /** A program a milestone offers, with its sessions to choose from. */
    public record Option(UUID programId, String title, String type, BigDecimal credits, List<KnownProgram.Session> sessions) {
    }

    /** One milestone of the workflow: what it requires, whether it is settled, what can be and was chosen. */
    public record RegistrationStep(UUID milestoneId, String name, Metric metric, BigDecimal unitsRequired, boolean waived,
                       boolean autoRegistered, String autoRegistration, boolean ready, String needs, List<Option> options,
                       List<Chosen> chosen) {
    }

    /**
     * The registration workflow as the person sees it. {@code nextStep}: MILESTONE (choose for
     * {@code nextMilestoneId}), REVIEW (complete), DONE (registered), ENROLL_AS_YOU_GO (NON_ENFORCED) or NONE
     * (registration disabled).
     */
    public record Workflow(UUID planId, String planName, RegistrationType registrationType, UUID registrationId,
                           String status, String nextStep, UUID nextMilestoneId, List<RegistrationStep> milestones) {
    }

    /** One registered person, for the admin's list. */
    public record Registrant(UUID registrationId, String personId, String status, Instant startedAt, Instant registeredAt,
                             Instant endedAt, int enrollments) {
    }

    /** What deleting a registration did. */
    public record Deletion(UUID registrationId, String personId, List<UUID> cancelledEnrollmentIds,
                           List<UUID> keptEnrollmentIds) {
    }

    private record Row(UUID id, String status) {
    }

    private record ChoiceRow(UUID milestoneId, UUID programId, UUID sessionId, String state, UUID enrollmentId,
                             boolean madeByPlan) {
    }

    // --- the learner ------------------------------------------------------------------------------------

    public Workflow workflow(UUID planId, String personId) {
        return workflow(registrable(planId, personId), personId);
    }

    /** "Add to my learning": a started registration, shown in the person's plans. */
    public Workflow addToMyLearning(UUID planId, String personId) {
        Plan plan = registrable(planId, personId);
        if (!plan.isAddToMyLearning()) {
            throw new ConflictException("plan " + plan.getName() + " does not offer Add to My Learning");
        }
        tx.executeWithoutResult(s -> start(plan, personId, "ADD_TO_MY_LEARNING"));
        return workflow(plan, personId);
    }

    /** "Remove": the registration is cancelled; enrollments already made stay the person's. */
    public void remove(UUID planId, String personId) {
        Plan plan = plans.get(planId);
        tx.executeWithoutResult(s -> {
            List<Row> rows = jdbc.query("""
                    select id, status from registration where plan_id = ? and person_id = ?
                    and status in ('STARTED', 'REGISTERED') for update
                    """, (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status")), planId, personId);
            if (rows.isEmpty()) {
                throw NotFoundException.of("registration", "of " + personId + " in plan " + plan.getName());
            }
            Instant now = clock.instant();
            jdbc.update("update registration set status = 'CANCELLED', ended_at = ?, version = version + 1 where id = ?",
                    Timestamp.from(now), rows.getFirst().id());
            outbox.record(LearningPlanEventTypes.REGISTRATION_CANCELLED, rows.getFirst().id().toString(),
                    new RegistrationEvents.Cancelled(rows.getFirst().id(), planId, personId, rows.getFirst().status(), now));
        });
    }

    /** ENFORCED: sets what the person chose for one milestone (replacing earlier choices not yet enrolled). */
    public Workflow choose(UUID planId, String personId, UUID milestoneId, List<Choice> choices) {
        Plan plan = registrable(planId, personId);
        requireType(plan, RegistrationType.ENFORCED, "choices are made in ENFORCED registration; enroll as you go instead");
        Milestone milestone = plan.milestone(milestoneId);
        Map<UUID, KnownProgram> known = programs.find(milestone.programIds());
        List<Choice> valid = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = validChoice(milestone, known, choices.get(i), "choices[" + i + "]");
            if (!seen.add(c.programId())) {
                throw new InvalidInputException("choices[" + i + "].programId", "program " + c.programId() + " is chosen twice");
            }
            valid.add(c);
        }
        BigDecimal required = adjustedUnits(planId, personId).getOrDefault(milestoneId, milestone.getUnitsRequired());
        BigDecimal units = units(milestone, known, valid);
        boolean waived = "WAIVED".equals(statuses(planId, personId).get(milestoneId));
        if (milestone.getMetric() != Metric.NONE && !waived && units.compareTo(required) < 0) {
            throw new InvalidInputException("choices", plain(required) + " " + unit(milestone) + " required, the choices give "
                    + plain(units));
        }
        tx.executeWithoutResult(s -> {
            Row row = start(plan, personId, "WORKFLOW");
            if ("REGISTERED".equals(row.status())) {
                throw new ConflictException(personId + " is registered in plan " + plan.getName() + " already");
            }
            jdbc.update("delete from registration_choice where registration_id = ? and milestone_id = ? and state = 'CHOSEN'",
                    row.id(), milestoneId);
            valid.forEach(c -> chosen(row.id(), milestoneId, c));
        });
        return workflow(plan, personId);
    }

    /**
     * ENFORCED: the review step's Complete. Every milestone must be settled (chosen, auto-registered, waived or
     * elective); the choices are enrolled through catalog-service and the person is registered. Repeating it
     * after a failure enrolls what is left; repeating it after success changes nothing.
     */
    public Workflow complete(UUID planId, String personId) {
        Plan plan = registrable(planId, personId);
        requireType(plan, RegistrationType.ENFORCED, "only ENFORCED registration has a review step; enroll as you go instead");
        Workflow before = workflow(plan, personId);
        if ("REGISTERED".equals(before.status())) {
            return before;
        }
        before.milestones().stream().filter(m -> !m.ready()).findFirst().ifPresent(m -> {
            throw new ConflictException("milestone " + m.name() + " needs a choice: " + m.needs());
        });
        UUID registrationId = tx.execute(s -> {
            Row row = start(plan, personId, "WORKFLOW");
            for (RegistrationStep step : before.milestones()) {
                // auto-registration enrolls on every linked program (each has one session, or none) where the
                // person has not chosen or been waived
                if (step.autoRegistered() && !step.waived() && step.chosen().isEmpty()) {
                    Milestone m = plan.milestone(step.milestoneId());
                    Map<UUID, KnownProgram> known = programs.find(m.programIds());
                    for (UUID program : m.programIds()) {
                        chosen(row.id(), m.getId(), validChoice(m, known, new Choice(program, null), ""));
                    }
                }
            }
            return row.id();
        });
        enrollChosen(plan, personId, registrationId);
        tx.executeWithoutResult(s -> markRegistered(plan, personId, registrationId));
        return workflow(plan, personId);
    }

    /** NON_ENFORCED: enrolls on one program of a milestone; the first enrollment registers the person. */
    public Workflow enrollAsYouGo(UUID planId, String personId, UUID milestoneId, Choice choice) {
        Plan plan = registrable(planId, personId);
        requireType(plan, RegistrationType.NON_ENFORCED, "enrolling as you go is for NON_ENFORCED registration");
        Milestone milestone = plan.milestone(milestoneId);
        Choice valid = validChoice(milestone, programs.find(milestone.programIds()), choice, "");
        UUID registrationId = tx.execute(s -> {
            Row row = start(plan, personId, "ENROLLMENT");
            chosen(row.id(), milestoneId, valid);
            return row.id();
        });
        enrollChosen(plan, personId, registrationId);
        tx.executeWithoutResult(s -> markRegistered(plan, personId, registrationId));
        return workflow(plan, personId);
    }

    // --- the admin --------------------------------------------------------------------------------------

    /** The people registered (or registering) in a plan, apart from those assigned to it. */
    public Page<Registrant> registrants(UUID planId, String status, Pageable pageable) {
        plans.get(planId);
        String filter = status == null ? "" : " and status = ?";
        List<Object> args = new ArrayList<>(List.of(planId));
        if (status != null) {
            args.add(status);
        }
        Long total = jdbc.queryForObject("select count(*) from registration where plan_id = ?" + filter, Long.class,
                args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Registrant> page = jdbc.query("""
                select r.id, r.person_id, r.status, r.started_at, r.registered_at, r.ended_at,
                    (select count(distinct c.enrollment_id) from registration_choice c
                     where c.registration_id = r.id and c.state = 'ENROLLED') as enrollments
                from registration r where r.plan_id = ?""" + filter + " order by r.person_id limit ? offset ?",
                (rs, n) -> new Registrant(rs.getObject("id", UUID.class), rs.getString("person_id"), rs.getString("status"),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("registered_at")),
                        instant(rs.getTimestamp("ended_at")), rs.getInt("enrollments")), args.toArray());
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    /**
     * Deletes a person's registration: cancels, through catalog-service, every enrollment the registration made
     * and nothing else (enrollments the person held already are kept). Each cancellation is recorded as it is
     * made, so a failure half-way can be repeated.
     */
    public Deletion delete(UUID planId, String personId) {
        Plan plan = plans.get(planId);
        UUID registrationId = jdbc.query("""
                select id from registration where plan_id = ? and person_id = ? and status <> 'DELETED'
                """, rs -> rs.next() ? rs.getObject("id", UUID.class) : null, planId, personId);
        if (registrationId == null) {
            throw NotFoundException.of("registration", "of " + personId + " in plan " + plan.getName());
        }
        List<ChoiceRow> choices = choices(registrationId);
        String reason = "registration in learning plan " + plan.getName() + " was deleted";
        Set<UUID> handled = new HashSet<>();
        for (ChoiceRow c : choices) {
            if ("ENROLLED".equals(c.state()) && c.madeByPlan() && handled.add(c.enrollmentId())) {
                boolean cancelled = catalog.cancel(c.enrollmentId(), reason);
                jdbc.update("update registration_choice set state = ? where registration_id = ? and enrollment_id = ?",
                        cancelled ? "CANCELLED" : "ENDED", registrationId, c.enrollmentId());
            }
        }
        List<ChoiceRow> after = choices(registrationId);
        List<UUID> cancelled = after.stream().filter(c -> "CANCELLED".equals(c.state()) && c.madeByPlan())
                .map(ChoiceRow::enrollmentId).distinct().toList();
        List<UUID> kept = after.stream().filter(c -> c.enrollmentId() != null && !"CANCELLED".equals(c.state()))
                .map(ChoiceRow::enrollmentId).distinct().toList();
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            int changed = jdbc.update("""
                    update registration set status = 'DELETED', ended_at = ?, version = version + 1
                    where id = ? and status <> 'DELETED'
                    """, Timestamp.from(now), registrationId);
            jdbc.update("delete from registration_choice where registration_id = ? and state = 'CHOSEN'", registrationId);
            if (changed == 1) {
                outbox.record(LearningPlanEventTypes.REGISTRATION_DELETED, registrationId.toString(),
                        new RegistrationEvents.Deleted(registrationId, planId, personId, cancelled, kept, now));
            }
        });
        return new Deletion(registrationId, personId, cancelled, kept);
    }

    // --- the workflow -----------------------------------------------------------------------------------

    private Workflow workflow(Plan plan, String personId) {
        Row row = jdbc.query("select id, status from registration where plan_id = ? and person_id = ?",
                rs -> rs.next() ? new Row(rs.getObject("id", UUID.class), rs.getString("status")) : null, plan.getId(), personId);
        boolean live = row != null && ("STARTED".equals(row.status()) || "REGISTERED".equals(row.status()));
        List<ChoiceRow> choices = live ? choices(row.id()) : List.of();
        Set<UUID> linked = new LinkedHashSet<>();
        plan.getMilestones().forEach(m -> linked.addAll(m.programIds()));
        Map<UUID, KnownProgram> known = programs.find(linked);
        Map<UUID, String> statuses = statuses(plan.getId(), personId);
        Map<UUID, BigDecimal> adjusted = adjustedUnits(plan.getId(), personId);
        boolean auto = plan.getRegistrationType() == RegistrationType.ENFORCED && plan.isAutoRegister();
        List<RegistrationStep> steps = new ArrayList<>();
        for (Milestone m : plan.getMilestones()) {
            AutoRegistration.Qualification q = AutoRegistration.judge(m, known);
            List<Option> options = m.programIds().stream().filter(known::containsKey).map(known::get)
                    .map(p -> new Option(p.id(), p.title(), p.type(), p.credits(), p.sessions())).toList();
            List<ChoiceRow> mine = choices.stream().filter(c -> c.milestoneId().equals(m.getId())
                    && !"CANCELLED".equals(c.state())).toList();
            List<Chosen> chosen = mine.stream().map(c -> new Chosen(c.programId(),
                    known.containsKey(c.programId()) ? known.get(c.programId()).title() : null, c.sessionId(), c.state(),
                    c.enrollmentId(), c.madeByPlan())).toList();
            BigDecimal required = adjusted.getOrDefault(m.getId(), m.getUnitsRequired());
            BigDecimal units = units(m, known, mine.stream().map(c -> new Choice(c.programId(), c.sessionId())).toList());
            String needs;
            boolean ready;
            boolean waived = "WAIVED".equals(statuses.get(m.getId()));
            if (waived) {
                ready = true;
                needs = "waived";
            } else if (m.getMetric() == Metric.NONE) {
                ready = true;
                needs = "an elective milestone requires nothing";
            } else if (units.compareTo(required) >= 0) {
                ready = true;
                needs = "met by the choices";
            } else if (auto && q.qualifies()) {
                ready = true;
                needs = "auto-registered: " + q.reason();
            } else {
                ready = false;
                needs = plain(required) + " " + unit(m) + " required, " + plain(units) + " chosen";
            }
            steps.add(new RegistrationStep(m.getId(), m.getName(), m.getMetric(), required, waived, auto && q.qualifies(), q.reason(),
                    ready, needs, options, chosen));
        }
        String status = row == null ? "NONE" : row.status();
        String next;
        UUID nextMilestone = null;
        switch (plan.getRegistrationType()) {
            case DISABLED -> next = "NONE";
            case NON_ENFORCED -> next = "ENROLL_AS_YOU_GO";
            default -> {
                if ("REGISTERED".equals(status)) {
                    next = "DONE";
                } else {
                    nextMilestone = steps.stream().filter(s -> !s.ready()).map(RegistrationStep::milestoneId).findFirst().orElse(null);
                    next = nextMilestone == null ? "REVIEW" : "MILESTONE";
                }
            }
        }
        return new Workflow(plan.getId(), plan.getName(), plan.getRegistrationType(), row == null ? null : row.id(), status,
                next, nextMilestone, steps);
    }

    /** Records a choice, to be enrolled (a choice of the same program in the milestone stays as it is). */
    private void chosen(UUID registrationId, UUID milestoneId, Choice c) {
        jdbc.update("""
                insert into registration_choice (registration_id, milestone_id, program_id, session_id, state)
                values (?, ?, ?, ?, 'CHOSEN') on conflict do nothing
                """, registrationId, milestoneId, c.programId(), c.sessionId());
    }

    /** Enrolls every choice not enrolled yet, recording each as catalog-service confirms it. */
    private void enrollChosen(Plan plan, String personId, UUID registrationId) {
        for (ChoiceRow c : choices(registrationId)) {
            if (!"CHOSEN".equals(c.state())) {
                continue;
            }
            String status = jdbc.queryForObject("select status from registration where id = ?", String.class, registrationId);
            if (!"STARTED".equals(status) && !"REGISTERED".equals(status)) {
                throw new ConflictException("the registration was " + status.toLowerCase() + " meanwhile; nothing more was enrolled");
            }
            CatalogEnrollments.Enrolled e = catalog.enroll(personId, c.programId(), c.sessionId(), plan.getId());
            int recorded = jdbc.update("""
                    update registration_choice set state = 'ENROLLED', enrollment_id = ?, made_by_plan = ?
                    where registration_id = ? and milestone_id = ? and program_id = ? and state = 'CHOSEN'
                    """, e.enrollmentId(), e.madeByPlan(), registrationId, c.milestoneId(), c.programId());
            if (recorded == 0 && e.madeByPlan()) {
                // the choice went away while catalog enrolled (deleted or changed meanwhile): nobody would own
                // this enrollment, so it is cancelled at once
                catalog.cancel(e.enrollmentId(), "the learning plan registration changed while enrolling");
            }
        }
    }

    /** STARTED becomes REGISTERED, once, with the summary event. */
    private void markRegistered(Plan plan, String personId, UUID registrationId) {
        Instant now = clock.instant();
        int changed = jdbc.update("""
                update registration set status = 'REGISTERED', registered_at = ?, version = version + 1
                where id = ? and status = 'STARTED'
                """, Timestamp.from(now), registrationId);
        if (changed == 0) {
            return;
        }
        List<ChoiceRow> enrolled = choices(registrationId).stream().filter(c -> "ENROLLED".equals(c.state())).toList();
        Set<UUID> ids = new HashSet<>();
        enrolled.forEach(c -> ids.add(c.programId()));
        Map<UUID, KnownProgram> known = programs.find(ids);
        List<RegistrationEvents.MilestoneSummary> summary = new ArrayList<>();
        for (Milestone m : plan.getMilestones()) {
            List<RegistrationEvents.Enrollment> items = enrolled.stream().filter(c -> c.milestoneId().equals(m.getId()))
                    .map(c -> {
                        KnownProgram p = known.get(c.programId());
                        Instant starts = p == null || c.sessionId() == null ? null
                                : p.session(c.sessionId()).map(KnownProgram.Session::startsAt).orElse(null);
                        return new RegistrationEvents.Enrollment(c.programId(), p == null ? null : p.title(), c.sessionId(),
                                starts, c.enrollmentId(), c.madeByPlan());
                    }).toList();
            summary.add(new RegistrationEvents.MilestoneSummary(m.getId(), m.getName(), items));
        }
        outbox.record(LearningPlanEventTypes.REGISTERED, registrationId.toString(), new RegistrationEvents.Registered(
                registrationId, plan.getId(), plan.getName(), personId, plan.getRegistrationType().name(), summary, now));
    }

    /**
     * The person's registration, started now if they had none (or a cancelled or deleted one), with its event;
     * and their SELF assignment if they were not assigned, so progress counts. Runs in the caller's transaction.
     */
    private Row start(Plan plan, String personId, String how) {
        Instant now = clock.instant();
        List<UUID> started = jdbc.queryForList("""
                insert into registration (id, plan_id, person_id, status, started_at) values (gen_random_uuid(), ?, ?, 'STARTED', ?)
                on conflict (plan_id, person_id) do update set status = 'STARTED', started_at = excluded.started_at,
                    registered_at = null, ended_at = null, version = registration.version + 1
                    where registration.status in ('CANCELLED', 'DELETED')
                returning id
                """, UUID.class, plan.getId(), personId, Timestamp.from(now));
        if (!started.isEmpty()) {
            // a registration started again: what was cancelled is gone, and what was enrolled is confirmed with
            // catalog-service again at the next enrollment step (the person may have cancelled it meanwhile)
            jdbc.update("delete from registration_choice where registration_id = ? and state in ('CANCELLED', 'ENDED')",
                    started.getFirst());
            jdbc.update("""
                    update registration_choice set state = 'CHOSEN', enrollment_id = null, made_by_plan = false
                    where registration_id = ? and state = 'ENROLLED'
                    """, started.getFirst());
            outbox.record(LearningPlanEventTypes.REGISTRATION_STARTED, started.getFirst().toString(),
                    new RegistrationEvents.Started(started.getFirst(), plan.getId(), plan.getName(), personId, how, now));
            int self = jdbc.update("""
                    insert into assignment (id, plan_id, person_id, via, group_id, individual, due_date, assigned_at)
                    values (gen_random_uuid(), ?, ?, 'SELF', null, true, ?, ?) on conflict (plan_id, person_id) do nothing
                    """, plan.getId(), personId, plan.getDueDate() == null ? null : Date.valueOf(plan.getDueDate()),
                    Timestamp.from(now));
            if (self == 1) {
                progress.catchUp(plan.getId(), List.of(personId));
            }
        }
        return jdbc.query("select id, status from registration where plan_id = ? and person_id = ? for update",
                rs -> {
                    rs.next();
                    return new Row(rs.getObject("id", UUID.class), rs.getString("status"));
                }, plan.getId(), personId);
    }

    /**
     * A plan the person may register in: published, within its dates, and assigned to them or offered in a
     * catalog. Any other plan is not found, as far as they are concerned.
     */
    private Plan registrable(UUID planId, String personId) {
        Plan plan = plans.get(planId);
        Boolean assigned = jdbc.queryForObject(
                "select exists (select 1 from assignment where plan_id = ? and person_id = ? and via <> 'SELF')",
                Boolean.class, planId, personId);
        if (plan.getStatus() != PlanStatus.PUBLISHED || (!Boolean.TRUE.equals(assigned) && plan.getCatalogIds().isEmpty())) {
            throw NotFoundException.of("learning plan", planId);
        }
        Instant now = clock.instant();
        if (plan.getEndsAt() != null && now.isAfter(plan.getEndsAt())) {
            throw new ConflictException("plan " + plan.getName() + " ended at " + plan.getEndsAt());
        }
        if (plan.getStartsAt() != null && now.isBefore(plan.getStartsAt())) {
            throw new ConflictException("plan " + plan.getName() + " opens at " + plan.getStartsAt());
        }
        return plan;
    }

    private static void requireType(Plan plan, RegistrationType type, String otherwise) {
        if (plan.getRegistrationType() == RegistrationType.DISABLED) {
            throw new ConflictException("registration is disabled for plan " + plan.getName()
                    + "; its content is visible without registering");
        }
        if (plan.getRegistrationType() != type) {
            throw new ConflictException("plan " + plan.getName() + " has " + plan.getRegistrationType() + " registration: " + otherwise);
        }
    }

    /** A choice of a linked, published program, with the session it must have (the only one, if one). */
    private static Choice validChoice(Milestone milestone, Map<UUID, KnownProgram> known, Choice c, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (c == null || c.programId() == null) {
            throw new InvalidInputException(prefix + "programId", "must not be null");
        }
        if (!milestone.programIds().contains(c.programId())) {
            throw new InvalidInputException(prefix + "programId", "program " + c.programId() + " is not linked to milestone "
                    + milestone.getName());
        }
        KnownProgram p = known.get(c.programId());
        if (p == null || !p.isPublished()) {
            throw new ConflictException("program " + c.programId() + " is not open for enrollment");
        }
        if (p.isActivity()) {
            if (c.sessionId() != null) {
                throw new InvalidInputException(prefix + "sessionId", "an activity has no sessions");
            }
            return c;
        }
        if (c.sessionId() == null) {
            return p.onlySession().map(s -> new Choice(c.programId(), s)).orElseThrow(() -> new InvalidInputException(
                    prefix + "sessionId", p.title() + " has " + p.sessionCount() + " sessions: choose one"));
        }
        if (p.session(c.sessionId()).isEmpty()) {
            throw new InvalidInputException(prefix + "sessionId", "session " + c.sessionId() + " is not a session of " + p.title());
        }
        return c;
    }

    private static BigDecimal units(Milestone m, Map<UUID, KnownProgram> known, List<Choice> choices) {
        if (m.getMetric() == Metric.CREDITS) {
            return choices.stream().filter(c -> known.containsKey(c.programId()))
                    .map(c -> known.get(c.programId()).creditsFor(c.sessionId())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return BigDecimal.valueOf(choices.size());
    }

    private List<ChoiceRow> choices(UUID registrationId) {
        return jdbc.query("""
                select milestone_id, program_id, session_id, state, enrollment_id, made_by_plan from registration_choice
                where registration_id = ? order by milestone_id, program_id
                """, (rs, n) -> new ChoiceRow(rs.getObject("milestone_id", UUID.class), rs.getObject("program_id", UUID.class),
                rs.getObject("session_id", UUID.class), rs.getString("state"), rs.getObject("enrollment_id", UUID.class),
                rs.getBoolean("made_by_plan")), registrationId);
    }

    /** The person's milestone statuses (NO_ACTION, WAIVED, ADJUSTED) where they are assigned. */
    private Map<UUID, String> statuses(UUID planId, String personId) {
        Map<UUID, String> statuses = new HashMap<>();
        jdbc.query("""
                select s.milestone_id, s.status from milestone_status s join assignment a on a.id = s.assignment_id
                where a.plan_id = ? and a.person_id = ?
                """, rs -> {
            statuses.put(rs.getObject("milestone_id", UUID.class), rs.getString("status"));
        }, planId, personId);
        return statuses;
    }

    private Map<UUID, BigDecimal> adjustedUnits(UUID planId, String personId) {
        Map<UUID, BigDecimal> units = new HashMap<>();
        jdbc.query("""
                select s.milestone_id, s.units_required from milestone_status s join assignment a on a.id = s.assignment_id
                where a.plan_id = ? and a.person_id = ? and s.status = 'ADJUSTED' and s.units_required is not null
                """, rs -> {
            units.put(rs.getObject("milestone_id", UUID.class), rs.getBigDecimal("units_required"));
        }, planId, personId);
        return units;
    }

    private static String unit(Milestone m) {
        return m.getMetric() == Metric.CREDITS ? "credit(s)" : "session(s)";
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
