-- notification-service: templates, communication triggers, the facts triggers are planned from (projections
-- of people, passes and plan assignments), and the messages: one row per (trigger, occurrence, recipient),
-- which is both the schedule (QUEUED with its day) and the delivery log (SENT, FAILED, CANCELLED, attempts).

create table template (
    id         uuid          primary key,
    name       varchar(200)  not null unique,
    subject    varchar(500)  not null,
    body       text          not null,
    version    bigint        not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);

create table trigger_rule (
    id                      uuid          primary key,
    name                    varchar(200)  not null,
    abbreviation            varchar(20)   not null unique,
    template_id             uuid          not null references template (id),
    from_address            varchar(320)  not null,
    target                  varchar(16)   not null,   -- TRAINING_PASS, LEARNING_PLAN
    event                   varchar(16)   not null,   -- ISSUED, RENEWED, CANCELLED, EXPIRED; ASSIGNED, REGISTERED, DEADLINE
    pass_type_ids           uuid[]        not null default '{}',   -- empty: every pass type
    plan_ids                uuid[]        not null default '{}',   -- empty: every plan
    offsets_days            integer[]     not null,   -- negative: before the event's date
    repeat_every_days       integer,                  -- DEADLINE: remind every N days while overdue...
    repeat_max              integer,                  -- ...up to M times
    audience_learner        boolean       not null,
    audience_account_contacts boolean     not null,
    extra_addresses         varchar(320)[] not null default '{}',
    automated               boolean       not null,
    enabled                 boolean       not null,
    version                 bigint        not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null
);

-- from directory.people: who to write to
create table person (
    id         varchar(64)   primary key,
    name       varchar(300),
    email      varchar(320),
    account_id uuid,
    version    bigint        not null
);
create index person_account_idx on person (account_id);

-- from training-pass.passes: the latest known state of each pass (older versions are ignored)
create table pass_state (
    id           uuid          primary key,
    version      bigint        not null,
    status       varchar(16)   not null,
    pass_type_id uuid          not null,
    facts        jsonb         not null,   -- the event's payload: what templates render
    term         integer       not null    -- 0 when issued, +1 at each renewal: each term has its own expiry reminders
);

-- from learning-plan.assignments: each assignment's due date and whether it is still open
create table assignment_state (
    id           uuid          primary key,
    plan_id      uuid          not null,
    plan_name    varchar(200),
    person_id    varchar(64)   not null,
    due_date     date,
    completed    boolean       not null default false,
    assigned_at  timestamptz   not null
);
create index assignment_state_plan_person_idx on assignment_state (plan_id, person_id);

create table message (
    id             uuid          primary key,
    trigger_id     uuid          not null references trigger_rule (id),
    occurrence     varchar(200)  not null,   -- what happened, e.g. pass:<id>:expiry:term0, assignment:<id>:deadline
    seq            integer       not null,   -- which offset or repeat of the occurrence
    recipient      varchar(330)  not null,   -- person:<id> or address:<email>
    person_id      varchar(64),              -- the recipient, when a person
    subject_person varchar(64),              -- whom the message is about (the learner)
    pass_id        uuid,
    plan_id        uuid,
    assignment_id  uuid,
    due_on         date          not null,
    state          varchar(16)   not null,   -- QUEUED, SENDING, SENT, FAILED, CANCELLED
    context        jsonb         not null,   -- the facts rendered into the template
    attempts       integer       not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until  timestamptz,
    last_error     varchar(2000),
    to_address     varchar(320),
    rendered_subject varchar(500),
    rendered_body  text,
    created_at     timestamptz   not null,
    sent_at        timestamptz,
    unique (trigger_id, occurrence, seq, recipient)
);
create index message_due_idx on message (due_on, next_attempt_at) where state in ('QUEUED', 'SENDING');
create index message_person_idx on message (person_id, created_at);
create index message_pass_idx on message (pass_id) where pass_id is not null;
create index message_assignment_idx on message (assignment_id) where assignment_id is not null;
create index message_plan_person_idx on message (plan_id, subject_person) where plan_id is not null;

-- what happened to each message: queued, rescheduled, retried, sent, failed, cancelled
create table message_history (
    id         bigint        generated always as identity primary key,
    message_id uuid          not null references message (id),
    at         timestamptz   not null,
    what       varchar(16)   not null,
    detail     varchar(2000)
);
create index message_history_message_idx on message_history (message_id, id);
