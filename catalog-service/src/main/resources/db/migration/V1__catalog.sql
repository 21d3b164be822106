-- catalog-service: programs and sessions, catalogs, enrollments and completions, and the projections
-- of training passes (badges, pass access) and learning plans (titles of plans offered in catalogs).

create table program (
    id          uuid           primary key,
    type        varchar(20)    not null,     -- COURSE, EVENT, LEARNING_PATH, ACTIVITY
    delivery    varchar(20)    not null,     -- ONLINE (LMS), CLASSROOM, BLENDED
    title       varchar(300)   not null,
    description text,
    objectives  text,
    category    varchar(100),
    credits     numeric(9, 2)  not null default 0 check (credits >= 0),
    access_days integer        check (access_days > 0),   -- LMS content access after enrolling; null = no end
    status      varchar(16)    not null,
    version     bigint         not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    search      tsvector generated always as (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(category, '')), 'B') ||
                    setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
                    setweight(to_tsvector('english', coalesce(objectives, '')), 'D')) stored
);
create index program_search_idx on program using gin (search);
create index program_filter_idx on program (status, type, delivery);
create index program_category_idx on program (lower(category));

create table program_session (
    id          uuid          primary key,
    program_id  uuid          not null references program (id),
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    time_zone   varchar(64)   not null,
    capacity    integer       check (capacity > 0),       -- null = unlimited (LMS)
    seats_taken integer       not null default 0 check (seats_taken >= 0),
    location    varchar(300),
    lms_link    varchar(1000),
    credits     numeric(9, 2) not null default 0 check (credits >= 0),
    check (ends_at > starts_at),
    check (capacity is null or seats_taken <= capacity)
);
create index program_session_program_idx on program_session (program_id, starts_at);

create table catalog (
    id          uuid          primary key,
    name        varchar(200)  not null,
    audience    varchar(500),
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create unique index catalog_name_uq on catalog (lower(name));

create table catalog_item (
    catalog_id  uuid          not null references catalog (id),
    item_kind   varchar(20)   not null,   -- PROGRAM, LEARNING_PLAN
    item_id     uuid          not null,
    added_at    timestamptz   not null,
    primary key (catalog_id, item_kind, item_id)
);
create index catalog_item_item_idx on catalog_item (item_kind, item_id);

create table enrollment (
    id          uuid          primary key,
    person_id   varchar(64)   not null,
    program_id  uuid          not null references program (id),
    session_id  uuid          references program_session (id),
    source      varchar(20)   not null,   -- DIRECT, LEARNING_PLAN, TRAINING_PASS
    source_id   varchar(64),              -- plan id or pass id
    status      varchar(16)   not null,   -- ENROLLED, COMPLETED, CANCELLED, REVOKED
    reason      varchar(500),
    enrolled_at timestamptz   not null,
    version     bigint        not null,
    updated_at  timestamptz   not null
);
-- one live booking per person and session (or activity)
create unique index enrollment_live_uq on enrollment (person_id, program_id, coalesce(session_id, '00000000-0000-0000-0000-000000000000'))
    where status = 'ENROLLED';
create index enrollment_person_idx on enrollment (person_id, program_id);
create index enrollment_source_idx on enrollment (source, source_id) where status = 'ENROLLED';

create table completion (
    id            uuid          primary key,
    enrollment_id uuid          not null unique references enrollment (id),
    person_id     varchar(64)   not null,
    program_id    uuid          not null,
    session_id    uuid,
    credits       numeric(9, 2) not null,
    completed_at  timestamptz   not null
);
create index completion_person_idx on completion (person_id, program_id);

-- training-pass projection
create table known_pass_type (
    id     uuid          primary key,
    code   varchar(20)   not null,
    name   varchar(200)  not null,
    status varchar(16)   not null
);

create table pass_type_item (
    pass_type_id uuid        not null,
    item_id      varchar(64) not null,
    primary key (pass_type_id, item_id)
);
create index pass_type_item_item_idx on pass_type_item (item_id);

create table person_pass (
    pass_id      uuid         primary key,
    person_id    varchar(64),
    pass_type_id uuid         not null,
    status       varchar(16)  not null,
    expires_on   date         not null
);
create index person_pass_person_idx on person_pass (person_id);

-- learning-plan projection
create table known_plan (
    id    uuid          primary key,
    title varchar(300)  not null
);
