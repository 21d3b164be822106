-- Each claim of due messages gets its own token: a replica sends and records only the messages it still
-- holds (checked, and the lease renewed, right before each send).
alter table message add column claim_token uuid;
