-- Progress: completions from catalog.enrollments, and per assignment and milestone what is earned and
-- when it was met. Completions are kept whatever happens to access: progress is never lost.

create table completion_record (
    enrollment_id uuid          primary key,
    person_id     varchar(64)   not null,
    program_id    uuid          not null,
    session_id    uuid,
    credits       numeric(9, 2) not null,
    completed_at  timestamptz   not null
);
create index completion_record_person_idx on completion_record (person_id, program_id);

create table milestone_progress (
    assignment_id uuid          not null references assignment (id),
    milestone_id  uuid          not null,
    units_earned  numeric(9, 2) not null,
    met_at        timestamptz,
    primary key (assignment_id, milestone_id)
);

alter table assignment add column completed_at timestamptz;
