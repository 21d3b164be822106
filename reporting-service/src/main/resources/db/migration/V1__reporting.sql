-- reporting-service owns read models only. They live in the schema "live", created from
-- projection.sql (not by migrations: a read model is rebuilt from the topics, never migrated). A rebuild
-- fills a fresh schema from the beginning of the topics and swaps it in for "live".
create schema if not exists live;
