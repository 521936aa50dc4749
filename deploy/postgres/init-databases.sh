#!/bin/bash
# Creates sagsflow's and Temporal's roles and databases. The postgres image runs this script from
# /docker-entrypoint-initdb.d only on the first start, when the data volume is still empty. To
# change a name or password later, either change it in PostgreSQL by hand, or remove the volume
# (`docker compose down -v`; this deletes all data).
#
#   ${SAGSFLOW_DB_NAME}      owned by ${SAGSFLOW_DB_USER}, which runs the migrations (prepare) and so owns
#                            the tables; ${SAGSFLOW_APP_DB_USER}, the role the api and worker connect as,
#                            may only connect here, and prepare grants it what the app needs
#   temporal                 owned by ${TEMPORAL_DB_USER}; temporalio/auto-setup creates the schema
#   temporal_visibility      owned by ${TEMPORAL_DB_USER}; same
#
# No role is a superuser or can create databases. This is why the `temporal` service sets
# SKIP_DB_CREATE=true.
set -eu -o pipefail

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_db="$SAGSFLOW_DB_NAME" \
  -v app_user="$SAGSFLOW_DB_USER" \
  -v app_password="$SAGSFLOW_DB_PASSWORD" \
  -v app_runtime_user="$SAGSFLOW_APP_DB_USER" \
  -v app_runtime_password="$SAGSFLOW_APP_DB_PASSWORD" \
  -v temporal_user="$TEMPORAL_DB_USER" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
CREATE ROLE :"app_runtime_user" LOGIN PASSWORD :'app_runtime_password';
GRANT CONNECT ON DATABASE :"app_db" TO :"app_runtime_user";

CREATE ROLE :"temporal_user" LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER :"temporal_user";
CREATE DATABASE temporal_visibility OWNER :"temporal_user";
REVOKE ALL ON DATABASE temporal FROM PUBLIC;
REVOKE ALL ON DATABASE temporal_visibility FROM PUBLIC;

-- Temporal's visibility schema begins with CREATE EXTENSION IF NOT EXISTS btree_gin. Create it here,
-- as the superuser, so that this step needs no extra rights for the temporal role.
\connect temporal_visibility
CREATE EXTENSION IF NOT EXISTS btree_gin;
SQL
