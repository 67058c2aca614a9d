#!/usr/bin/env bash
# Local infrastructure without Docker: a real Apache Kafka 4.x broker (KRaft, combined
# broker + controller, one node) from Maven Central, and a private PostgreSQL cluster from
# Debian's packages. Both listen on loopback only and keep their data in a state directory
# that this script owns, so nothing depends on (or disturbs) the machine's own services.
#
#   deploy/local/infra.sh start    install what is missing, start both, wait until ready
#   deploy/local/infra.sh stop     stop both (data is kept)
#   deploy/local/infra.sh reset    stop both and delete their data
#   deploy/local/infra.sh status   say what runs where
#   deploy/local/infra.sh env      print the environment variables that point at them
#   deploy/local/infra.sh kafka-stop|kafka-start   only the broker (fault tests)
#   deploy/local/infra.sh pg-stop|pg-start   only PostgreSQL (fault tests)
#   deploy/local/infra.sh consume TOPIC   Kafka's console consumer with keys and headers
#   deploy/local/infra.sh acls grant|revoke FILE   add or delete exactly the ACLs of FILE
#                                  (acls.txt's format; the e2e tests' own topic namespaces)
#
# Settings (environment): RANGKUI_STATE_DIR, RANGKUI_KAFKA_PORT (19092),
# RANGKUI_KAFKA_SASL_PORT (19094), RANGKUI_KAFKA_CONTROLLER_PORT (19093), RANGKUI_PG_PORT
# (15432), RANGKUI_KAFKA_<USER>_PASSWORD (SCRAM passwords of admin and the services, default
# <user>-local; read when the SCRAM users are created).
#
# Kafka listens twice on loopback: PLAINTEXT on RANGKUI_KAFKA_PORT, whose principal
# (User:ANONYMOUS) is a super user - a local-development concession for the test suite and
# the dev tools, which production (Strimzi, deploy/kubernetes) does not make - and
# SASL_PLAINTEXT with SCRAM-SHA-512 on RANGKUI_KAFKA_SASL_PORT, where each service's user
# has exactly the ACLs of kafka/acls.txt (generated from deploy/rangkui_deploy/acls.py) and
# `admin` is a super user. The SCRAM users are created when the storage is formatted, or at
# the next start if an older infra.sh formatted it without them.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
repo_hash=$(printf '%s' "$repo" | sha1sum | cut -c1-8)
# Outside the work tree: PostgreSQL runs as the unprivileged 'postgres' user, which must be
# able to reach its data directory even when the checkout lives under /root.
state=${RANGKUI_STATE_DIR:-/var/tmp/rangkui-$repo_hash}
kafka_port=${RANGKUI_KAFKA_PORT:-19092}
controller_port=${RANGKUI_KAFKA_CONTROLLER_PORT:-19093}
sasl_port=${RANGKUI_KAFKA_SASL_PORT:-19094}
pg_port=${RANGKUI_PG_PORT:-15432}
pg_superpass=rangkui-local
services=(personnel mutation evaluation notification)
kafka_users=(admin "${services[@]}")
scram_mechanism=SCRAM-SHA-512

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_open "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------- PostgreSQL
pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
  return 1
}

ensure_pg_installed() {
  pg_bindir >/dev/null && return
  log "installing PostgreSQL from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  pg_bindir >/dev/null || die "PostgreSQL server binaries not found after install"
}

# Run a PostgreSQL binary as the unprivileged owner of the cluster: initdb and postgres
# refuse to run as root.
pg_run() {
  local bin=$1; shift
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$(pg_bindir)/$bin" "$@"
  else
    "$(pg_bindir)/$bin" "$@"
  fi
}

pg_owner() { if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi; }

start_pg() {
  ensure_pg_installed
  local data=$state/pg/data
  mkdir -p "$state/pg"
  chmod 755 "$state"
  [ "$(id -u)" = 0 ] && chown "$(pg_owner)" "$state/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a private PostgreSQL cluster in $data"
    printf '%s\n' "$pg_superpass" >"$state/pg/pwfile"
    [ "$(id -u)" = 0 ] && chown "$(pg_owner)" "$state/pg/pwfile"
    pg_run initdb -D "$data" -U postgres --pwfile="$state/pg/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$state/pg'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
max_wal_size = 2GB
log_min_messages = warning
EOF
  fi
  if pg_run pg_ctl -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$pg_port"
  else
    pg_run pg_ctl -D "$data" -l "$state/pg/server.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$state/pg/server.log" >&2; die "PostgreSQL did not start"; }
    log "PostgreSQL running on 127.0.0.1:$pg_port"
  fi
  # Two roles per service (idempotent, so an older state directory is brought up to date):
  # `<service>_owner` owns the database and everything in it and is what migrations run as;
  # `<service>` is what the running service connects as - it owns nothing, may only read and
  # append to `events` (the grants `migrate` gives it), and so cannot disable the audit
  # trail's triggers or replace its functions. Neither may create roles or databases, and
  # neither may connect to another service's database. A database an older infra.sh made
  # (owned by the runtime role) is handed to the owner with everything in it. Test sessions
  # run `start` concurrently: an advisory lock serialises them (PostgreSQL refuses
  # concurrent updates of one catalog row), and nothing is written when all is in place.
  local s role
  for s in "${services[@]}"; do
    for role in "$s" "${s}_owner"; do
      pg_psql -v ON_ERROR_STOP=1 -q <<EOF
SELECT pg_advisory_lock(7262) AS locked \gset
SELECT 'CREATE ROLE $role LOGIN PASSWORD ''$role'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')\gexec
SELECT 'ALTER ROLE $role NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'
FROM pg_roles WHERE rolname = '$role'
AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls)\gexec
EOF
    done
    pg_psql -v ON_ERROR_STOP=1 -q <<EOF
SELECT pg_advisory_lock(7262) AS locked \gset
SELECT 'CREATE DATABASE $s OWNER ${s}_owner'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$s')\gexec
SELECT unnest(ARRAY['ALTER DATABASE $s OWNER TO ${s}_owner',
                    'REVOKE ALL ON DATABASE $s FROM PUBLIC',
                    'REVOKE ALL ON DATABASE $s FROM $s',
                    'GRANT CONNECT, TEMPORARY ON DATABASE $s TO ${s}_owner',
                    'GRANT CONNECT ON DATABASE $s TO $s'])
FROM pg_database WHERE datname = '$s'
AND (pg_get_userbyid(datdba) <> '${s}_owner' OR datacl IS NULL
     OR has_database_privilege('public', datname, 'CONNECT')
     OR has_database_privilege('$s', datname, 'TEMPORARY'))\gexec
EOF
    # What the runtime role still owns inside its database (made by an older infra.sh) goes
    # to the owner; `migrate` then grants the runtime role its rights.
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$s" -v ON_ERROR_STOP=1 -q <<EOF
SELECT 'REASSIGN OWNED BY $s TO ${s}_owner'
WHERE EXISTS (SELECT FROM pg_class WHERE relowner = '$s'::regrole)
   OR EXISTS (SELECT FROM pg_proc WHERE proowner = '$s'::regrole)
   OR EXISTS (SELECT FROM pg_namespace WHERE nspowner = '$s'::regrole)\gexec
EOF
  done
}

pg_psql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
export PGPASSWORD=$pg_superpass

stop_pg() {
  local data=$state/pg/data
  [ -f "$data/PG_VERSION" ] || return 0
  if pg_run pg_ctl -D "$data" status >/dev/null 2>&1; then
    pg_run pg_ctl -D "$data" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
  fi
}

# --------------------------------------------------------------------- Kafka
ensure_kafka_jars() {
  local lib=$state/kafka/lib stamp
  stamp=$(sha1sum "$here/kafka/pom.xml" | cut -c1-12)
  [ -f "$lib/.stamp-$stamp" ] && return
  command -v java >/dev/null || die "java is required (Java 17)"
  command -v mvn >/dev/null || die "mvn is required to fetch Kafka from Maven Central"
  log "resolving Apache Kafka from Maven Central into $lib"
  rm -rf "$lib"
  mkdir -p "$lib"
  mvn -q -B -f "$here/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" \
    || die "could not resolve Kafka's jars"
  touch "$lib/.stamp-$stamp"
}

# The SCRAM password of a Kafka user: RANGKUI_KAFKA_<USER>_PASSWORD, default <user>-local.
kafka_password() {
  local var pw
  var="RANGKUI_KAFKA_${1^^}_PASSWORD"
  pw=${!var:-$1-local}
  [[ $pw =~ ^[A-Za-z0-9._~-]+$ ]] || die "$var: use letters, digits and . _ ~ - only"
  printf '%s' "$pw"
}

# Written when the storage is formatted with SCRAM users: a state directory formatted by an
# older infra.sh has none, and its SASL listener would reject every client.
scram_marker() { echo "$state/kafka/scram-users"; }
scram_ready() { [ -f "$(scram_marker)" ] && [ "$(cat "$(scram_marker)")" = "${kafka_users[*]}" ]; }

# A storage formatted by an older infra.sh has no SCRAM users (and a broker it started has no
# SASL listener): rather than ask for a reset that deletes the data, give the running broker
# its users through the Admin API. Idempotent; runs only while the marker is missing.
ensure_scram_users() {
  scram_ready && return 0
  local user lines=""
  for user in "${kafka_users[@]}"; do lines+="$user $(kafka_password "$user")"$'\n'; done
  log "the Kafka storage has no SCRAM users (formatted by an older infra.sh): adding ${kafka_users[*]}"
  printf '%s' "$lines" | kafka_java "$here/kafka/LocalScramUsers.java" "127.0.0.1:$kafka_port" \
    >"$state/kafka/scram.log" 2>&1 || {
    cat "$state/kafka/scram.log" >&2
    die "could not add the SCRAM users; a new storage has them: $0 reset && $0 start"
  }
  printf '%s' "${kafka_users[*]}" >"$(scram_marker)"
  rm -f "$state/kafka/acls.applied"  # the users are new to this cluster: grant their ACLs
}

kafka_java() { java -Xms256m -Xmx768m -Dlog4j2.configurationFile="$state/kafka/log4j2.properties" -cp "$state/kafka/lib/*" "$@"; }

write_kafka_config() {
  mkdir -p "$state/kafka/data"
  cat >"$state/kafka/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,SASL_PLAINTEXT://127.0.0.1:$sasl_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port,SASL_PLAINTEXT://127.0.0.1:$sasl_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=$scram_mechanism
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# ANONYMOUS is whoever connects to PLAINTEXT (and the controller): local development only.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=$state/kafka/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=-1
# rangkui_contracts.MAX_MESSAGE_BYTES, also on every topic (events are bounded under it)
message.max.bytes=1048588
EOF
  cat >"$state/kafka/log4j2.properties" <<EOF
status = error
appender.file.type = File
appender.file.name = file
appender.file.fileName = $state/kafka/broker.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.server.name = org.apache.kafka
logger.server.level = WARN
EOF
}

kafka_pid() { [ -f "$state/kafka/pid" ] && kill -0 "$(cat "$state/kafka/pid")" 2>/dev/null && cat "$state/kafka/pid"; }

start_kafka() {
  ensure_kafka_jars
  mkdir -p "$state/kafka"
  exec 8>"$state/kafka/start.lock"  # concurrent starts: one starts or upgrades, the others wait
  flock 8
  if kafka_pid >/dev/null; then
    if port_open "$sasl_port"; then
      log "Kafka already running on 127.0.0.1:$kafka_port"
      ensure_scram_users
      sync_kafka_acls
      return
    fi
    log "the running broker has no SASL listener on $sasl_port (an older infra.sh started it): restarting it"
    stop_kafka
  fi
  port_open "$kafka_port" && die "port $kafka_port is taken by another process"
  port_open "$sasl_port" && die "port $sasl_port is taken by another process"
  write_kafka_config
  if [ ! -f "$state/kafka/data/meta.properties" ]; then
    local cluster_id user scram=()
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    for user in "${kafka_users[@]}"; do
      scram+=(--add-scram "$scram_mechanism=[name=$user,password=$(kafka_password "$user")]")
    done
    log "formatting KRaft storage (cluster $cluster_id, SCRAM users: ${kafka_users[*]})"
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" \
      -c "$state/kafka/server.properties" "${scram[@]}" >"$state/kafka/format.log" 2>&1 \
      || { cat "$state/kafka/format.log" >&2; die "Kafka storage format failed"; }
    printf '%s' "${kafka_users[*]}" >"$(scram_marker)"
    rm -f "$state/kafka/acls.applied"  # a new cluster has no ACLs yet
  fi
  # The broker must not inherit the lock descriptors, or it would hold them for its lifetime.
  setsid nohup java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$state/kafka/log4j2.properties" \
    -cp "$state/kafka/lib/*" kafka.Kafka "$state/kafka/server.properties" \
    >"$state/kafka/stdout.log" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$state/kafka/pid"
  if ! wait_port "$kafka_port" 90 || ! wait_port "$sasl_port" 30; then
    tail -n 40 "$state/kafka/stdout.log" "$state/kafka/broker.log" >&2 || true
    die "Kafka did not open ports $kafka_port and $sasl_port"
  fi
  log "Kafka running on 127.0.0.1:$kafka_port, SASL on 127.0.0.1:$sasl_port (pid $(cat "$state/kafka/pid"))"
  ensure_scram_users
  sync_kafka_acls
}

# Grant the service users exactly the ACLs of kafka/acls.txt (and revoke any others they
# have): once per start, and again whenever the file changes under a running broker.
sync_kafka_acls() {
  local stamp
  scram_ready || return 0
  stamp=$(sha1sum "$here/kafka/acls.txt" "$here/kafka/LocalAcls.java" | sha1sum | cut -c1-12)
  [ "$(cat "$state/kafka/acls.applied" 2>/dev/null)" = "$stamp" ] && return
  exec 9>"$state/kafka/acls.lock"  # concurrent starts: one grants, the others wait and see
  flock 9
  [ "$(cat "$state/kafka/acls.applied" 2>/dev/null)" = "$stamp" ] && return
  kafka_java "$here/kafka/LocalAcls.java" "127.0.0.1:$kafka_port" "$here/kafka/acls.txt" \
    >"$state/kafka/acls.log" 2>&1 || { cat "$state/kafka/acls.log" >&2; die "could not set the ACLs"; }
  echo "$stamp" >"$state/kafka/acls.applied"
  log "Kafka ACLs: $(tail -n 1 "$state/kafka/acls.log")"
}

stop_kafka() {
  local pid
  pid=$(kafka_pid) || return 0
  kill "$pid"
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$state/kafka/pid"
  log "Kafka stopped"
}

print_env() {
  cat <<EOF
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
$(scram_ready && echo "export KAFKA_SASL_BOOTSTRAP_SERVERS=127.0.0.1:$sasl_port")
$(for u in "${kafka_users[@]}"; do echo "export RANGKUI_KAFKA_${u^^}_PASSWORD=$(kafka_password "$u")"; done)
export RANGKUI_PG_ADMIN_URL=postgresql://postgres:$pg_superpass@127.0.0.1:$pg_port/postgres
export PERSONNEL_DATABASE_URL=postgresql://personnel:personnel@127.0.0.1:$pg_port/personnel
export MUTATION_DATABASE_URL=postgresql://mutation:mutation@127.0.0.1:$pg_port/mutation
export EVALUATION_DATABASE_URL=postgresql://evaluation:evaluation@127.0.0.1:$pg_port/evaluation
export NOTIFICATION_DATABASE_URL=postgresql://notification:notification@127.0.0.1:$pg_port/notification
$(for s in "${services[@]}"; do echo "export RANGKUI_${s^^}_OWNER_URL=postgresql://${s}_owner:${s}_owner@127.0.0.1:$pg_port/$s"; done)
export RANGKUI_KAFKA_LIB=$state/kafka/lib
EOF
}

case ${1:-} in
  start)
    mkdir -p "$state"
    start_pg
    start_kafka
    ;;
  stop)
    stop_kafka
    stop_pg
    ;;
  reset)
    stop_kafka
    stop_pg
    rm -rf "$state/pg" "$state/kafka/data" "$state/kafka/server.properties" \
      "$(scram_marker)" "$state/kafka/acls.applied"
    log "data deleted"
    ;;
  status)
    echo "state directory: $state"
    if kafka_pid >/dev/null; then echo "kafka: running on 127.0.0.1:$kafka_port"; else echo "kafka: stopped"; fi
    if scram_ready; then echo "kafka sasl: 127.0.0.1:$sasl_port, SCRAM users ${kafka_users[*]}"
    else echo "kafka sasl: no SCRAM users in this storage yet (the next start adds them)"; fi
    if port_open "$pg_port"; then echo "postgresql: running on 127.0.0.1:$pg_port"; else echo "postgresql: stopped"; fi
    ;;
  env) print_env ;;
  kafka-stop) stop_kafka ;;   # fault tests: take the broker away and bring it back
  kafka-start) mkdir -p "$state"; start_kafka ;;
  pg-stop) stop_pg ;;         # fault tests: take PostgreSQL away and bring it back
  pg-start) mkdir -p "$state"; start_pg ;;
  consume) # Kafka's own console consumer: keys, CloudEvents headers and JSON bodies
    shift
    [ $# -ge 1 ] || die "usage: $0 consume TOPIC [more kafka-console-consumer options]"
    topic=$1; shift
    ensure_kafka_jars
    java -Xmx256m -Dlog4j2.configurationFile="$state/kafka/log4j2.properties" \
      -cp "$state/kafka/lib/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "127.0.0.1:$kafka_port" --topic "$topic" --from-beginning \
      --property print.key=true --property print.headers=true "$@"
    ;;
  acls) # grant or revoke exactly the ACLs of a file (a test's namespace), nothing else
    [ $# -eq 3 ] && [[ $2 =~ ^(grant|revoke)$ ]] || die "usage: $0 acls grant|revoke FILE"
    ensure_kafka_jars
    kafka_java "$here/kafka/LocalAcls.java" "127.0.0.1:$kafka_port" "$3" "$2"
    ;;
  kafka-class) # run a Kafka tool class with the broker's classpath, e.g. kafka-class org.apache.kafka.tools.consumer.ConsoleConsumer ...
    shift
    ensure_kafka_jars
    java -Xmx256m -cp "$state/kafka/lib/*" "$@"
    ;;
  *)
    echo "usage: $0 start|stop|reset|status|env|kafka-stop|kafka-start|pg-stop|pg-start|consume TOPIC|acls grant|revoke FILE|kafka-class CLASS ARGS" >&2
    exit 2
    ;;
esac
