-- learning-plan-service: plans, milestones and their linked items, and the projection of catalog
-- programs (type, credits, sessions) that auto-registration is judged against.

create table plan (
    id                     uuid          primary key,
    name                   varchar(200)  not null,
    description            text,
    starts_at              timestamptz,
    ends_at                timestamptz,
    due_date               date,
    milestone_order_enforced boolean     not null,
    registration_type      varchar(16)   not null,   -- ENFORCED, NON_ENFORCED, DISABLED
    auto_register          boolean       not null,
    add_to_my_learning     boolean       not null,
    status                 varchar(16)   not null,
    catalog_ids            uuid[]        not null default '{}',
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    check (ends_at is null or starts_at is null or ends_at > starts_at)
);

create table milestone (
    id                     uuid           primary key,
    plan_id                uuid           not null references plan (id),
    name                   varchar(200)   not null,
    description            text,
    metric                 varchar(16)    not null,  -- SESSIONS, CREDITS, NONE
    units_required         numeric(9, 2)  not null default 0 check (units_required >= 0),
    due_date               date,
    program_order_enforced boolean        not null,
    position               integer        not null
);
create index milestone_plan_idx on milestone (plan_id, position);

create table milestone_item (
    id           uuid         primary key,
    milestone_id uuid         not null references milestone (id),
    program_id   uuid         not null,
    position     integer      not null
);
create index milestone_item_milestone_idx on milestone_item (milestone_id, position);

-- catalog projection (from catalog.programs)
create table known_program (
    id            uuid           primary key,
    type          varchar(20)    not null,
    title         varchar(300)   not null,
    credits       numeric(9, 2)  not null,
    status        varchar(16)    not null,
    session_count integer        not null
);
