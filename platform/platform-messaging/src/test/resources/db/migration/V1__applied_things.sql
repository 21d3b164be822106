-- what the test consumer applies, one row per applied event
create table applied_thing (
    event_id text primary key,
    label    text not null
);
