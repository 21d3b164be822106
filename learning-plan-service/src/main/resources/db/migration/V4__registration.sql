-- Registration: a person's registration in a plan (started by "add to my learning" or the workflow,
-- registered, cancelled by the learner, deleted by an admin) and the enrollments chosen and made through it.

-- each catalog session's id, start and credits, so a learner can choose and auto-registration can pick
alter table known_program add column sessions jsonb not null default '[]';

-- assignment.via gains SELF: a person who registered (or added the plan to their learning) unassigned.
-- overdue_at: when the overdue event went out (once per assignment)
alter table assignment add column overdue_at timestamptz;
create index assignment_due_idx on assignment (due_date) where completed_at is null and overdue_at is null;

create table registration (
    id            uuid         primary key,
    plan_id       uuid         not null references plan (id),
    person_id     varchar(64)  not null,
    status        varchar(16)  not null,   -- STARTED, REGISTERED, CANCELLED, DELETED
    started_at    timestamptz  not null,
    registered_at timestamptz,
    ended_at      timestamptz,
    version       bigint       not null default 0,
    unique (plan_id, person_id)
);
create index registration_plan_idx on registration (plan_id, status, person_id);

-- one chosen program (and session) per milestone; the enrollment catalog-service made for it, and whether
-- the plan made it (made_by_plan) or the person was enrolled on it already (then it is not the plan's to cancel)
create table registration_choice (
    registration_id uuid         not null references registration (id),
    milestone_id    uuid         not null,
    program_id      uuid         not null,
    session_id      uuid,
    state           varchar(16)  not null,  -- CHOSEN, ENROLLED, CANCELLED
    enrollment_id   uuid,
    made_by_plan    boolean      not null default false,
    primary key (registration_id, milestone_id, program_id)
);
