#!/bin/sh
# First start of the compose PostgreSQL: a role and a database per service, each role owning
# its database (password = role name: local use only). RANGKUI_DATABASES lists the services.
set -eu
for name in $RANGKUI_DATABASES; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE "$name" LOGIN PASSWORD '$name';
CREATE DATABASE "$name" OWNER "$name";
REVOKE ALL ON DATABASE "$name" FROM PUBLIC;
SQL
done
