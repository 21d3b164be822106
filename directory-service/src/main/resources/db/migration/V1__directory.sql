-- directory-service: people, accounts, groups, memberships.

create table account (
    id           uuid          primary key,
    name         varchar(200)  not null,
    external_ref varchar(100),
    version      bigint        not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create unique index account_external_ref_uq on account (external_ref) where external_ref is not null;
create index account_name_idx on account (lower(name));

create table person (
    id          varchar(64)   primary key,          -- the sub of the person's token, suite-wide
    name        varchar(200)  not null,
    email       varchar(320)  not null,
    account_id  uuid          references account (id),
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create unique index person_email_uq on person (lower(email));
create index person_name_idx on person (lower(name));
create index person_account_idx on person (account_id);

create table person_group (
    id          uuid          primary key,
    name        varchar(200)  not null,
    description varchar(2000),
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create unique index person_group_name_uq on person_group (lower(name));

create table group_membership (
    group_id   uuid         not null references person_group (id),
    person_id  varchar(64)  not null references person (id),
    added_at   timestamptz  not null,
    primary key (group_id, person_id)
);
create index group_membership_person_idx on group_membership (person_id);
