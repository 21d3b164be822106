-- Pass events carry the pass's version: an older event arriving late (a replay, a dead letter sent
-- again) must not bring back a state the pass has left. -1: a placeholder written by Access Now before
-- any event about the pass arrived; every real event replaces it.
alter table person_pass add column version bigint not null default -1;
