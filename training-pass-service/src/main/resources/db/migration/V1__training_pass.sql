-- training-pass-service: pass types (options, prices, included training), passes and their history,
-- orders, and the projection of directory people and accounts it checks assignments against.

create table pass_type (
    id          uuid          primary key,
    code        varchar(20)   not null,
    name        varchar(200)  not null,
    description varchar(4000),
    status      varchar(16)   not null,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create unique index pass_type_code_uq on pass_type (upper(code));

create table pass_option (
    id           uuid         primary key,
    pass_type_id uuid         not null references pass_type (id),
    name         varchar(200) not null,
    period_value integer      not null check (period_value > 0),
    period_unit  varchar(8)   not null,
    status       varchar(16)  not null,
    position     integer      not null
);
create index pass_option_type_idx on pass_option (pass_type_id);

create table pass_price (
    id        uuid           primary key,
    option_id uuid           not null references pass_option (id),
    region    varchar(50)    not null,
    method    varchar(20)    not null,
    currency  varchar(3),
    amount    numeric(19, 4) not null check (amount > 0),
    position  integer        not null,
    check ((method = 'CURRENCY' and currency is not null) or (method = 'TRAINING_TOKENS' and currency is null))
);
create index pass_price_option_idx on pass_price (option_id);
create unique index pass_price_uq on pass_price (option_id, region, method, coalesce(currency, ''));

create table pass_type_item (
    pass_type_id uuid          not null references pass_type (id),
    item_id      varchar(64)   not null,
    item_type    varchar(20)   not null,
    title        varchar(300)  not null,
    category     varchar(100),
    added_at     timestamptz   not null,
    primary key (pass_type_id, item_id)
);
create index pass_type_item_item_idx on pass_type_item (item_id);

create table pass_order (
    id              uuid          primary key,
    account_id      uuid          not null,
    pass_type_id    uuid          not null references pass_type (id),
    option_id       uuid          not null references pass_option (id),
    price_id        uuid          not null references pass_price (id),
    quantity        integer       not null check (quantity > 0),
    tax_level       varchar(50)   not null,
    opportunity_ref varchar(100),
    interest_ref    varchar(100),
    status          varchar(16)   not null,
    accepted_at     timestamptz,
    version         bigint        not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create unique index pass_order_external_uq on pass_order (opportunity_ref, interest_ref)
    where opportunity_ref is not null and interest_ref is not null;

create table pass (
    id              uuid          primary key,
    pass_type_id    uuid          not null references pass_type (id),
    option_id       uuid          not null references pass_option (id),
    account_id      uuid          not null,
    contact_id      varchar(64),
    status          varchar(16)   not null,
    issued_on       date          not null,
    expires_on      date          not null,
    order_id        uuid          references pass_order (id),
    opportunity_ref varchar(100),
    interest_ref    varchar(100),
    cancel_reason   varchar(500),
    version         bigint        not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    check (expires_on >= issued_on)
);
create index pass_account_idx on pass (account_id, status);
create index pass_contact_idx on pass (contact_id, status);
create index pass_order_idx on pass (order_id);
-- the expiry job's scan: only active passes, by date
create index pass_active_expiry_idx on pass (expires_on, id) where status = 'ACTIVE';

create table pass_history (
    id                  bigserial     primary key,
    pass_id             uuid          not null references pass (id),
    action              varchar(16)   not null,
    at                  timestamptz   not null,
    actor               varchar(64)   not null,
    previous_contact_id varchar(64),
    contact_id          varchar(64),
    previous_expires_on date,
    expires_on          date          not null,
    option_id           uuid,
    note                varchar(500)
);
create index pass_history_pass_idx on pass_history (pass_id, id);

-- directory projection (from directory.people and directory.accounts)
create table known_account (
    id      uuid          primary key,
    name    varchar(200)  not null,
    version bigint        not null
);

create table known_person (
    id         varchar(64)   primary key,
    name       varchar(200)  not null,
    email      varchar(320)  not null,
    account_id uuid,
    version    bigint        not null
);
create index known_person_account_idx on known_person (account_id);
