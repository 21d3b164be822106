-- Assignment of plans to people and groups, per-person milestone status, and the directory projection
-- of group memberships that keeps group assignments live.

create table group_member (
    group_id  uuid         not null,
    person_id varchar(64)  not null,
    primary key (group_id, person_id)
);
create index group_member_person_idx on group_member (person_id);

-- a group assigned to a plan: its members are assigned, and so is anyone who joins later
create table group_assignment (
    plan_id     uuid         not null references plan (id),
    group_id    uuid         not null,
    due_date    date,
    assigned_at timestamptz  not null,
    primary key (plan_id, group_id)
);
create index group_assignment_group_idx on group_assignment (group_id);

-- one assignment per person and plan; how it came (PERSON or GROUP), and whether it was made individual
create table assignment (
    id          uuid         primary key,
    plan_id     uuid         not null references plan (id),
    person_id   varchar(64)  not null,
    via         varchar(8)   not null,      -- PERSON, GROUP
    group_id    uuid,
    individual  boolean      not null,
    due_date    date,
    assigned_at timestamptz  not null,
    version     bigint       not null default 0,
    unique (plan_id, person_id)
);
create index assignment_person_idx on assignment (person_id);

-- per person and milestone: NO_ACTION (as the plan says), WAIVED, or ADJUSTED requirements
create table milestone_status (
    assignment_id  uuid          not null references assignment (id),
    milestone_id   uuid          not null,
    status         varchar(16)   not null,
    units_required numeric(9, 2),
    due_date       date,
    notes          varchar(2000),
    primary key (assignment_id, milestone_id)
);
