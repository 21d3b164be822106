package org.trainingsuite.reporting.projection;

import java.sql.Date;
import java.sql.Timestamp;
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
import org.trainingsuite.platform.messaging.EventHandler;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Applies every domain event the reports need to the read models. Every write is idempotent and
 * independent of arrival order: rows are keyed by natural ids; entities that carry a version (people,
 * accounts, groups, passes, plans) keep the newest; memberships and registrations keep the newest by their
 * own time; sets (pass changes, completions) are keyed by event or enrollment id. So a redelivered event,
 * a completion before its assignment, or a rebuild overlapping the live stream all give the same rows.
 *
 * <p>The live consumer (binding {@code events-in-0}, every topic) and the rebuild share these handlers.
 * Each live event first takes the projection lock shared; a rebuild takes it exclusively for its final
 * catch-up and swap, so no event is applied to a schema that is being swapped out.
 */
@Configuration
public class Projections {

    /** Advisory lock key shared by live handlers, exclusive for the rebuild's swap ("reports" in ASCII). */
    public static final long LOCK_KEY = 0x7265706f727473L;

    private final JdbcTemplate jdbc;
    private final Map<String, EventHandler> handlers = new LinkedHashMap<>();

    Projections(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        on(this::person, "directory.person.created.v1", "directory.person.updated.v1");
        on(this::account, "directory.account.created.v1", "directory.account.updated.v1");
        on(this::group, "directory.group.created.v1", "directory.group.updated.v1");
        on(e -> membership(e, true), "directory.group-membership.added.v1");
        on(e -> membership(e, false), "directory.group-membership.removed.v1");
        on(this::passType, "training-pass.pass-type.published.v1", "training-pass.pass-type.updated.v1",
                "training-pass.pass-type.archived.v1");
        for (String verb : List.of("issued", "renewed", "extended", "cancelled", "expired", "reassigned")) {
            on(e -> pass(e, verb.toUpperCase()), "training-pass.pass." + verb + ".v1");
        }
        on(this::enrollment, "catalog.enrollment.enrolled.v1", "catalog.enrollment.cancelled.v1",
                "catalog.enrollment.completed.v1", "catalog.enrollment.revoked.v1");
        on(this::plan, "learning-plan.plan.published.v1", "learning-plan.plan.updated.v1", "learning-plan.plan.archived.v1");
        on(this::assigned, "learning-plan.assignment.assigned.v1");
        on(e -> registration(e, "STARTED", "startedAt"), "learning-plan.assignment.registration-started.v1");
        on(e -> registration(e, "REGISTERED", "registeredAt"), "learning-plan.assignment.registered.v1");
        on(e -> registration(e, "CANCELLED", "cancelledAt"), "learning-plan.assignment.registration-cancelled.v1");
        on(e -> registration(e, "DELETED", "deletedAt"), "learning-plan.assignment.registration-deleted.v1");
        on(this::milestoneStatus, "learning-plan.assignment.milestone-status-changed.v1");
        on(this::milestoneCompleted, "learning-plan.assignment.milestone-completed.v1");
        on(this::planCompleted, "learning-plan.assignment.plan-completed.v1");
        on(this::overdue, "learning-plan.assignment.overdue.v1");
    }

    /** The topics the reports are built from. */
    public static final List<String> TOPICS = List.of("directory.people", "directory.accounts", "directory.groups",
            "directory.group-memberships", "training-pass.pass-types", "training-pass.passes", "catalog.enrollments",
            "learning-plan.plans", "learning-plan.assignments");

    /** Every event type applied, with its handler (without the lock: the caller's transaction holds it). */
    public Map<String, EventHandler> handlers() {
        return handlers;
    }

    @Bean
    Consumer<Message<byte[]>> events(InboxConsumer.Factory consumers) {
        InboxConsumer.Builder builder = consumers.named("reporting.events");
        handlers.forEach((type, handler) -> builder.on(type, e -> {
            jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)::text", String.class, LOCK_KEY);
            handler.handle(e);
        }));
        return builder.build();
    }

    private void on(EventHandler handler, String... types) {
        for (String type : types) {
            handlers.put(type, e -> {
                handler.handle(e);
                fresh(e);
            });
        }
    }

    private void fresh(IncomingEvent e) {
        if (e.time() == null) {
            return;
        }
        String stream = e.type().substring(0, e.type().indexOf('.', e.type().indexOf('.') + 1));
        jdbc.update("""
                insert into freshness (topic, newest_event_at) values (?, ?)
                on conflict (topic) do update set newest_event_at = greatest(freshness.newest_event_at, excluded.newest_event_at)
                """, stream, Timestamp.from(e.time().toInstant()));
    }

    // --- directory ------------------------------------------------------------------------------------

    private void person(IncomingEvent e) {
        JsonNode p = e.payload();
        jdbc.update("""
                insert into person (id, name, email, account_id, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, email = excluded.email, account_id = excluded.account_id,
                    version = excluded.version where person.version < excluded.version
                """, p.get("personId").asString(), text(p, "name"), text(p, "email"), uuid(p, "accountId"), p.get("version").asLong());
    }

    private void account(IncomingEvent e) {
        JsonNode p = e.payload();
        jdbc.update("""
                insert into account (id, name, version) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, version = excluded.version where account.version < excluded.version
                """, uuid(p, "accountId"), text(p, "name"), p.get("version").asLong());
    }

    private void group(IncomingEvent e) {
        JsonNode p = e.payload();
        jdbc.update("""
                insert into group_info (id, name, version) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, version = excluded.version where group_info.version < excluded.version
                """, uuid(p, "groupId"), text(p, "name"), p.get("version").asLong());
    }

    private void membership(IncomingEvent e, boolean present) {
        JsonNode p = e.payload();
        jdbc.update("""
                insert into group_member (group_id, person_id, present, changed_at) values (?, ?, ?, ?)
                on conflict (group_id, person_id) do update set present = excluded.present, changed_at = excluded.changed_at
                where group_member.changed_at < excluded.changed_at
                """, uuid(p, "groupId"), p.get("personId").asString(), present, ts(p, "changedAt"));
    }

    // --- training passes ------------------------------------------------------------------------------

    private void passType(IncomingEvent e) {
        JsonNode p = e.payload();
        jdbc.update("""
                insert into pass_type (id, code, name) values (?, ?, ?)
                on conflict (id) do update set code = excluded.code, name = excluded.name
                """, uuid(p, "passTypeId"), text(p, "code"), text(p, "name"));
    }

    private void pass(IncomingEvent e, String kind) {
        JsonNode p = e.payload();
        UUID passId = uuid(p, "passId");
        Instant at = e.time() == null ? Instant.EPOCH : e.time().toInstant();
        jdbc.update("""
                insert into pass (id, version, pass_type_id, pass_type_name, account_id, contact_id, status, issued_on, expires_on,
                    changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set version = excluded.version, pass_type_id = excluded.pass_type_id,
                    pass_type_name = excluded.pass_type_name, account_id = excluded.account_id, contact_id = excluded.contact_id,
                    status = excluded.status, issued_on = excluded.issued_on, expires_on = excluded.expires_on,
                    changed_at = excluded.changed_at
                where pass.version < excluded.version
                """, passId, p.get("version").asLong(), uuid(p, "passTypeId"), text(p, "passTypeName"), uuid(p, "accountId"),
                text(p, "contactId"), p.get("status").asString(), date(p, "issuedOn"), date(p, "expiresOn"), Timestamp.from(at));
        jdbc.update("""
                insert into pass_change (event_id, pass_id, kind, at, pass_type_id, account_id) values (?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing
                """, e.id(), passId, kind, Timestamp.from(at), uuid(p, "passTypeId"), uuid(p, "accountId"));
    }

    /** Catalog enrollments: completions (what milestones count) and enrollments made through a pass. */
    private void enrollment(IncomingEvent e) {
        JsonNode p = e.payload();
        UUID enrollment = uuid(p, "enrollmentId");
        String status = p.get("status").asString();
        if ("COMPLETED".equals(status)) {
            jdbc.update("""
                    insert into completion (enrollment_id, person_id, program_id, credits, completed_at) values (?, ?, ?, ?, ?)
                    on conflict (enrollment_id) do nothing
                    """, enrollment, p.get("personId").asString(), uuid(p, "programId"), p.get("credits").decimalValue(),
                    p.get("completedAt").isNull() ? Timestamp.from(e.time().toInstant()) : ts(p, "completedAt"));
        }
        if ("TRAINING_PASS".equals(text(p, "source")) && text(p, "sourceId") != null) {
            // ENROLLED is the only state that later states replace
            jdbc.update("""
                    insert into pass_enrollment (enrollment_id, pass_id, person_id, program_id, status, enrolled_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (enrollment_id) do update set status = excluded.status
                    where pass_enrollment.status = 'ENROLLED'
                    """, enrollment, UUID.fromString(text(p, "sourceId")), p.get("personId").asString(), uuid(p, "programId"),
                    status, Timestamp.from(e.time() == null ? Instant.EPOCH : e.time().toInstant()));
        }
    }

    // --- learning plans -------------------------------------------------------------------------------

    private void plan(IncomingEvent e) {
        JsonNode p = e.payload();
        UUID planId = uuid(p, "planId");
        long version = p.get("version").asLong();
        int changed = jdbc.update("""
                insert into plan (id, name, due_date, status, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, due_date = excluded.due_date, status = excluded.status,
                    version = excluded.version where plan.version < excluded.version
                """, planId, p.get("name").asString(), date(p, "dueDate"), p.get("status").asString(), version);
        if (changed == 0) {
            return; // an older description of the plan
        }
        jdbc.update("delete from plan_milestone where plan_id = ?", planId);
        int position = 0;
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode m : p.get("milestones")) {
            List<UUID> programs = new ArrayList<>();
            m.get("programIds").forEach(id -> programs.add(UUID.fromString(id.asString())));
            rows.add(new Object[] {planId, uuid(m, "milestoneId"), m.get("name").asString(), m.get("metric").asString(),
                    m.get("unitsRequired").decimalValue(), date(m, "dueDate"), position++, programs.toArray(UUID[]::new)});
        }
        jdbc.batchUpdate("""
                insert into plan_milestone (plan_id, milestone_id, name, metric, units_required, due_date, position, program_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void assigned(IncomingEvent e) {
        JsonNode p = e.payload();
        row(p);
        jdbc.update("""
                update lp_row set assignment_id = ?, via = ?, group_id = ?, due_date = ?, assigned_at = ?,
                    plan_name = coalesce(?, plan_name)
                where plan_id = ? and person_id = ?
                """, uuid(p, "assignmentId"), p.get("via").asString(), uuid(p, "groupId"), date(p, "dueDate"),
                Timestamp.from(e.time() == null ? Instant.EPOCH : e.time().toInstant()), text(p, "planName"),
                uuid(p, "planId"), p.get("personId").asString());
    }

    private void registration(IncomingEvent e, String status, String timeField) {
        JsonNode p = e.payload();
        row(p);
        jdbc.update("""
                update lp_row set registration_status = ?, registration_at = ?, plan_name = coalesce(plan_name, ?)
                where plan_id = ? and person_id = ? and (registration_at is null or registration_at <= ?)
                """, status, ts(p, timeField), text(p, "planName"), uuid(p, "planId"), p.get("personId").asString(),
                ts(p, timeField));
    }

    private void milestoneStatus(IncomingEvent e) {
        JsonNode p = e.payload();
        row(p);
        Timestamp at = Timestamp.from(e.time() == null ? Instant.EPOCH : e.time().toInstant());
        milestoneRow(p);
        jdbc.update("""
                update lp_milestone set status = ?, status_at = ?, units_required = ?, due_date = ?, notes = ?
                where plan_id = ? and person_id = ? and milestone_id = ? and (status_at is null or status_at <= ?)
                """, p.get("status").asString(), at, Payloads.decimal(p, "unitsRequired"),
                date(p, "dueDate"), text(p, "notes"), uuid(p, "planId"), p.get("personId").asString(), uuid(p, "milestoneId"), at);
    }

    private void milestoneCompleted(IncomingEvent e) {
        JsonNode p = e.payload();
        row(p);
        milestoneRow(p);
        jdbc.update("""
                update lp_milestone set met_at = coalesce(met_at, ?) where plan_id = ? and person_id = ? and milestone_id = ?
                """, ts(p, "completedAt"), uuid(p, "planId"), p.get("personId").asString(), uuid(p, "milestoneId"));
    }

    private void planCompleted(IncomingEvent e) {
        JsonNode p = e.payload();
        row(p);
        jdbc.update("update lp_row set completed_at = coalesce(completed_at, ?), assignment_id = coalesce(assignment_id, ?) "
                + "where plan_id = ? and person_id = ?", ts(p, "completedAt"), uuid(p, "assignmentId"), uuid(p, "planId"),
                p.get("personId").asString());
    }

    private void overdue(IncomingEvent e) {
        JsonNode p = e.payload();
        row(p);
        jdbc.update("update lp_row set overdue_at = coalesce(overdue_at, ?), plan_name = coalesce(plan_name, ?) "
                + "where plan_id = ? and person_id = ?", ts(p, "overdueAt"), text(p, "planName"), uuid(p, "planId"),
                p.get("personId").asString());
    }

    /** The (plan, person) row, created by whichever event about them comes first. */
    private void row(JsonNode p) {
        jdbc.update("insert into lp_row (plan_id, person_id) values (?, ?) on conflict do nothing", uuid(p, "planId"),
                p.get("personId").asString());
    }

    private void milestoneRow(JsonNode p) {
        jdbc.update("insert into lp_milestone (plan_id, person_id, milestone_id) values (?, ?, ?) on conflict do nothing",
                uuid(p, "planId"), p.get("personId").asString(), uuid(p, "milestoneId"));
    }

    // --- payload helpers --------------------------------------------------------------------------------

    private static String text(JsonNode node, String field) {
        return Payloads.text(node, field);
    }

    private static UUID uuid(JsonNode node, String field) {
        return Payloads.uuid(node, field);
    }

    private static Date date(JsonNode node, String field) {
        LocalDate d = Payloads.date(node, field);
        return d == null ? null : Date.valueOf(d);
    }

    private static Timestamp ts(JsonNode node, String field) {
        Instant t = Payloads.instant(node, field);
        return t == null ? null : Timestamp.from(t);
    }
}
