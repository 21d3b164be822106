-- The suite's databases on the compose stack's PostgreSQL: one database per service, owned by a role
-- of its own (as on Kubernetes, where CloudNativePG makes the same roles and databases). The official
-- postgres image runs this once, when its data volume is empty (docker compose down -v to start over).
-- Local passwords only: each role's password is its name.
CREATE ROLE directory LOGIN PASSWORD 'directory';
CREATE DATABASE directory OWNER directory;

CREATE ROLE catalog LOGIN PASSWORD 'catalog';
CREATE DATABASE catalog OWNER catalog;

CREATE ROLE learning_plan LOGIN PASSWORD 'learning_plan';
CREATE DATABASE learning_plan OWNER learning_plan;

CREATE ROLE training_pass LOGIN PASSWORD 'training_pass';
CREATE DATABASE training_pass OWNER training_pass;

CREATE ROLE notification LOGIN PASSWORD 'notification';
CREATE DATABASE notification OWNER notification;

CREATE ROLE reporting LOGIN PASSWORD 'reporting';
CREATE DATABASE reporting OWNER reporting;
