#!/bin/sh
# First start of the compose PostgreSQL: per service, an owner role that owns its database
# (migrations run as it) and a runtime role that the service connects as, which owns nothing
# and gets its rights from `migrate` (password = role name: local use only).
# RANGKUI_DATABASES lists the services.
set -eu
for name in $RANGKUI_DATABASES; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE "${name}_owner" LOGIN PASSWORD '${name}_owner';
CREATE ROLE "$name" LOGIN PASSWORD '$name';
CREATE DATABASE "$name" OWNER "${name}_owner";
REVOKE ALL ON DATABASE "$name" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$name" TO "$name";
SQL
done
