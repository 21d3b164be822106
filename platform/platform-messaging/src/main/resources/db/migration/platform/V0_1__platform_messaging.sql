-- platform-messaging: transactional outbox and idempotent-consumer inbox.
-- Shipped inside the platform-messaging jar; every service's Flyway picks it up from
-- classpath:db/migration. Versions 0.x are reserved for the platform, services start at 1.

create table outbox_event (
    seq          bigserial    primary key,          -- publication order
    event_id     uuid         not null unique,      -- ce_id
    topic        text         not null,
    event_type   text         not null,             -- ce_type
    aggregate_id text         not null,             -- record key and ce_subject
    source       text         not null,             -- ce_source
    occurred_at  timestamptz  not null,             -- ce_time
    payload      jsonb        not null
);

create table inbox_event (
    consumer     text         not null,
    event_id     text         not null,
    event_type   text         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
