-- The read models of reporting-service, created in the schema the statements run in ("live", or a fresh
-- one during a rebuild). Every write to them is idempotent (natural keys, versions or event times), so an
-- event applied twice, or events arriving out of order across topics, give the same rows.

create table if not exists person (
    id         varchar(64)   primary key,
    name       varchar(300),
    email      varchar(320),
    account_id uuid,
    version    bigint        not null
);
create index if not exists person_account_idx on person (account_id);

create table if not exists account (
    id      uuid          primary key,
    name    varchar(300),
    version bigint        not null
);

create table if not exists group_info (
    id      uuid          primary key,
    name    varchar(300),
    version bigint        not null
);

-- membership as last changed (a removal newer than the addition wins, and the other way round)
create table if not exists group_member (
    group_id   uuid          not null,
    person_id  varchar(64)   not null,
    present    boolean       not null,
    changed_at timestamptz   not null,
    primary key (group_id, person_id)
);
create index if not exists group_member_person_idx on group_member (person_id) where present;

create table if not exists plan (
    id       uuid          primary key,
    name     varchar(200)  not null,
    due_date date,
    status   varchar(16)   not null,
    version  bigint        not null
);

create table if not exists plan_milestone (
    plan_id        uuid           not null,
    milestone_id   uuid           not null,
    name           varchar(200)   not null,
    metric         varchar(16)    not null,
    units_required numeric(9, 2)  not null,
    due_date       date,
    position       integer        not null,
    program_ids    uuid[]         not null,
    primary key (plan_id, milestone_id)
);

-- one row per plan and person, whatever event about them came first
create table if not exists lp_row (
    plan_id             uuid          not null,
    person_id           varchar(64)   not null,
    plan_name           varchar(200),
    assignment_id       uuid,
    via                 varchar(8),              -- PERSON, GROUP; null: not assigned (self-registered)
    group_id            uuid,
    due_date            date,
    assigned_at         timestamptz,
    completed_at        timestamptz,
    overdue_at          timestamptz,
    registration_status varchar(16),             -- STARTED, REGISTERED, CANCELLED, DELETED
    registration_at     timestamptz,             -- when that status was reached (the newest wins)
    primary key (plan_id, person_id)
);
create index if not exists lp_row_person_idx on lp_row (person_id);
create index if not exists lp_row_assignment_idx on lp_row (assignment_id);

-- one row per plan, person and milestone that something is known of: their status on it, and when met
create table if not exists lp_milestone (
    plan_id        uuid           not null,
    person_id      varchar(64)    not null,
    milestone_id   uuid           not null,
    status         varchar(16),              -- NO_ACTION, WAIVED, ADJUSTED
    status_at      timestamptz,
    units_required numeric(9, 2),            -- adjusted units, when ADJUSTED
    due_date       date,                     -- adjusted due date, when ADJUSTED
    notes          varchar(2000),
    met_at         timestamptz,
    primary key (plan_id, person_id, milestone_id)
);

-- completions from catalog.enrollments: what milestones count
create table if not exists completion (
    enrollment_id uuid           primary key,
    person_id     varchar(64)    not null,
    program_id    uuid           not null,
    credits       numeric(9, 2)  not null,
    completed_at  timestamptz    not null
);
create index if not exists completion_person_idx on completion (person_id, program_id);

create table if not exists pass_type (
    id   uuid          primary key,
    code varchar(40),
    name varchar(300)
);

create table if not exists pass (
    id             uuid          primary key,
    version        bigint        not null,
    pass_type_id   uuid          not null,
    pass_type_name varchar(300),
    account_id     uuid,
    contact_id     varchar(64),
    status         varchar(16)   not null,
    issued_on      date,
    expires_on     date,
    changed_at     timestamptz   not null
);
create index if not exists pass_type_status_idx on pass (pass_type_id, status);
create index if not exists pass_account_idx on pass (account_id);
create index if not exists pass_expiry_idx on pass (expires_on) where status = 'ACTIVE';

-- every change of every pass, once (by event id): renewals and cancellations over time
create table if not exists pass_change (
    event_id     varchar(100)  primary key,
    pass_id      uuid          not null,
    kind         varchar(16)   not null,   -- ISSUED, RENEWED, EXTENDED, CANCELLED, EXPIRED, REASSIGNED
    at           timestamptz   not null,
    pass_type_id uuid          not null,
    account_id   uuid
);
create index if not exists pass_change_at_idx on pass_change (at);

-- enrollments made through a pass (catalog source TRAINING_PASS): utilisation
create table if not exists pass_enrollment (
    enrollment_id uuid          primary key,
    pass_id       uuid          not null,
    person_id     varchar(64)   not null,
    program_id    uuid          not null,
    status        varchar(16)   not null,
    enrolled_at   timestamptz   not null
);
create index if not exists pass_enrollment_pass_idx on pass_enrollment (pass_id);

-- per topic: the newest event applied (freshness)
create table if not exists freshness (
    topic           varchar(200)  primary key,
    newest_event_at timestamptz   not null
);
