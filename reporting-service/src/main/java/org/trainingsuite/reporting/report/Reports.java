package org.trainingsuite.reporting.report;

import static org.trainingsuite.reporting.report.Report.col;

import java.util.List;
import java.util.Map;

/** The reports of the product documents, as SQL over the read models. */
public final class Reports {

    private Reports() {
    }

    /**
     * Learning Plan Status Highlights: one row per (plan, person). How assigned: PERSON, GROUP, or SELF (registered
     * without being assigned). Status: COMPLETED; OVERDUE (past the due date, or flagged overdue, and not
     * completed); IN_PROGRESS (a milestone met or waived, a completion that counts, or registered); else
     * NOT_STARTED. Percent complete: required (non-elective) milestones met or waived, of all required ones.
     */
    public static final Report PLAN_STATUS = new Report("learning-plan-status", """
            select r.plan_id, coalesce(p.name, r.plan_name) as plan_name, r.person_id, pe.name as person_name,
                pe.account_id, coalesce(r.via, case when r.registration_status is not null then 'SELF' end) as assigned_how,
                r.group_id, coalesce(r.registration_status, 'NONE') as registration,
                case when r.completed_at is not null then 'COMPLETED'
                     when r.overdue_at is not null or coalesce(r.due_date, p.due_date) < :today then 'OVERDUE'
                     when x.met > 0 or x.counted or r.registration_status = 'REGISTERED' then 'IN_PROGRESS'
                     else 'NOT_STARTED' end as status,
                x.waived_parts,
                case when r.completed_at is not null then 100 when x.required = 0 then 0
                     else (100 * x.met / x.required)::int end as percent_complete,
                coalesce(r.due_date, p.due_date) as due_date, r.completed_at
            from lp_row r
            left join plan p on p.id = r.plan_id
            left join person pe on pe.id = r.person_id
            cross join lateral (
                select count(*) filter (where pm.metric <> 'NONE') as required,
                       count(*) filter (where pm.metric <> 'NONE' and (m.met_at is not null or m.status = 'WAIVED')) as met,
                       coalesce(bool_or(m.status = 'WAIVED'), false) as waived_parts,
                       coalesce(bool_or(exists (select 1 from completion c where c.person_id = r.person_id
                                                and c.program_id = any(pm.program_ids))), false) as counted
                from plan_milestone pm
                left join lp_milestone m on m.plan_id = r.plan_id and m.person_id = r.person_id and m.milestone_id = pm.milestone_id
                where pm.plan_id = r.plan_id) x
            """, List.of(col("planId", "plan_id"), col("planName", "plan_name"), col("personId", "person_id"),
            col("personName", "person_name"), col("assignedHow", "assigned_how"), col("registration", "registration"),
            col("status", "status"), col("waivedParts", "waived_parts"), col("percentComplete", "percent_complete"),
            col("dueDate", "due_date"), col("completedAt", "completed_at")),
            Map.of("planName", "plan_name", "personId", "person_id", "personName", "person_name", "status", "status",
                    "percentComplete", "percent_complete", "dueDate", "due_date", "completedAt", "completed_at"),
            "plan_name, plan_id, person_id");

    /**
     * People by Learning Plan: one row per (person, plan, milestone). Units required: the person's adjusted
     * units, else the plan's; earned: completed sessions (or activities) of the milestone's programs, or their
     * credits. Milestone status: WAIVED, ELECTIVE (requires nothing), COMPLETED, IN_PROGRESS, NOT_STARTED.
     */
    public static final Report PEOPLE_BY_PLAN = new Report("people-by-learning-plan", """
            select r.person_id, pe.name as person_name, pe.account_id, r.plan_id, coalesce(p.name, r.plan_name) as plan_name,
                pm.milestone_id, pm.name as milestone_name, pm.position, pm.metric,
                case when m.status = 'WAIVED' then 'WAIVED' when pm.metric = 'NONE' then 'ELECTIVE'
                     when m.met_at is not null then 'COMPLETED' when e.earned > 0 then 'IN_PROGRESS'
                     else 'NOT_STARTED' end as milestone_status,
                coalesce(case when m.status = 'ADJUSTED' then m.units_required end, pm.units_required) as units_required,
                e.earned as units_earned,
                coalesce(case when m.status = 'ADJUSTED' then m.due_date end, pm.due_date) as due_date,
                coalesce(m.status = 'WAIVED', false) as waived, coalesce(m.status = 'ADJUSTED', false) as adjusted,
                m.notes, m.met_at
            from lp_row r
            join plan_milestone pm on pm.plan_id = r.plan_id
            left join plan p on p.id = r.plan_id
            left join person pe on pe.id = r.person_id
            left join lp_milestone m on m.plan_id = r.plan_id and m.person_id = r.person_id and m.milestone_id = pm.milestone_id
            cross join lateral (
                select case when pm.metric = 'CREDITS' then coalesce(sum(c.credits), 0) else count(c.enrollment_id) end as earned
                from completion c where c.person_id = r.person_id and c.program_id = any(pm.program_ids)) e
            """, List.of(col("personId", "person_id"), col("personName", "person_name"), col("planId", "plan_id"),
            col("planName", "plan_name"), col("milestoneId", "milestone_id"), col("milestoneName", "milestone_name"),
            col("metric", "metric"), col("milestoneStatus", "milestone_status"), col("unitsRequired", "units_required"),
            col("unitsEarned", "units_earned"), col("dueDate", "due_date"), col("waived", "waived"),
            col("adjusted", "adjusted"), col("notes", "notes"), col("metAt", "met_at")),
            Map.of("personId", "person_id", "personName", "person_name", "planName", "plan_name",
                    "milestoneStatus", "milestone_status", "dueDate", "due_date", "unitsEarned", "units_earned"),
            "person_id, plan_name, plan_id, position");

    /**
     * Training passes: one row per pass, with days left, the enrollments made through it (utilisation) and how
     * often it was renewed.
     */
    public static final Report PASSES = new Report("passes", """
            select ps.id as pass_id, ps.pass_type_id, coalesce(pt.name, ps.pass_type_name) as pass_type, ps.account_id,
                a.name as account_name, ps.contact_id, pe.name as contact_name, ps.status, ps.issued_on, ps.expires_on,
                (ps.expires_on - :today) as days_left,
                (select count(*) from pass_enrollment e where e.pass_id = ps.id) as enrollments,
                (select count(*) from pass_change c where c.pass_id = ps.id and c.kind = 'RENEWED') as renewals
            from pass ps
            left join pass_type pt on pt.id = ps.pass_type_id
            left join account a on a.id = ps.account_id
            left join person pe on pe.id = ps.contact_id
            """, List.of(col("passId", "pass_id"), col("passTypeId", "pass_type_id"), col("passType", "pass_type"),
            col("accountId", "account_id"), col("accountName", "account_name"), col("contactId", "contact_id"),
            col("contactName", "contact_name"), col("status", "status"), col("issuedOn", "issued_on"),
            col("expiresOn", "expires_on"), col("daysLeft", "days_left"), col("enrollments", "enrollments"),
            col("renewals", "renewals")),
            Map.of("passType", "pass_type", "accountName", "account_name", "status", "status", "issuedOn", "issued_on",
                    "expiresOn", "expires_on", "enrollments", "enrollments", "renewals", "renewals"),
            "expires_on, pass_id");

    /** Passes by type and status: how many. */
    public static final Report PASSES_BY_TYPE = new Report("passes-by-type", """
            select ps.pass_type_id, coalesce(max(pt.name), max(ps.pass_type_name)) as pass_type, ps.status,
                count(*) as passes, count(distinct ps.account_id) as accounts
            from pass ps left join pass_type pt on pt.id = ps.pass_type_id
            group by ps.pass_type_id, ps.status
            """, List.of(col("passTypeId", "pass_type_id"), col("passType", "pass_type"), col("status", "status"),
            col("passes", "passes"), col("accounts", "accounts")),
            Map.of("passType", "pass_type", "status", "status", "passes", "passes"), "pass_type, pass_type_id, status");

    /** Passes per account: how many active, expired, cancelled. */
    public static final Report PASSES_BY_ACCOUNT = new Report("passes-by-account", """
            select ps.account_id, max(a.name) as account_name, count(*) filter (where ps.status = 'ACTIVE') as active,
                count(*) filter (where ps.status = 'EXPIRED') as expired,
                count(*) filter (where ps.status = 'CANCELLED') as cancelled, count(*) as total,
                (select count(*) from pass_enrollment e join pass q on q.id = e.pass_id where q.account_id = ps.account_id)
                    as enrollments
            from pass ps left join account a on a.id = ps.account_id
            group by ps.account_id
            """, List.of(col("accountId", "account_id"), col("accountName", "account_name"), col("active", "active"),
            col("expired", "expired"), col("cancelled", "cancelled"), col("total", "total"),
            col("enrollments", "enrollments")),
            Map.of("accountName", "account_name", "active", "active", "total", "total", "enrollments", "enrollments"),
            "account_name, account_id");

    /** Pass changes over time: per month and pass type, how many were issued, renewed, extended, cancelled, expired. */
    public static final Report PASS_CHANGES = new Report("pass-changes", """
            select to_char(date_trunc('month', c.at at time zone 'UTC'), 'YYYY-MM') as month, c.pass_type_id,
                max(pt.name) as pass_type,
                count(*) filter (where c.kind = 'ISSUED') as issued, count(*) filter (where c.kind = 'RENEWED') as renewed,
                count(*) filter (where c.kind = 'EXTENDED') as extended,
                count(*) filter (where c.kind = 'CANCELLED') as cancelled, count(*) filter (where c.kind = 'EXPIRED') as expired
            from pass_change c left join pass_type pt on pt.id = c.pass_type_id
            group by 1, c.pass_type_id
            """, List.of(col("month", "month"), col("passTypeId", "pass_type_id"), col("passType", "pass_type"),
            col("issued", "issued"), col("renewed", "renewed"), col("extended", "extended"), col("cancelled", "cancelled"),
            col("expired", "expired")),
            Map.of("month", "month", "passType", "pass_type"), "month, pass_type_id");
}
