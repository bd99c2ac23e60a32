# picbed launcher, Payara Server 6 (sourced by ./picbed for "--server payara"; WildFly stays the default).
# Runs, per data dir: the embedded MariaDB (shared with the WildFly mode), a standalone Apache ActiveMQ Artemis broker
# ($PICBED_HOME/broker, configured by server-config/src/main/payara/broker.xml) and a Payara domain
# ($PICBED_HOME/payara/picbed) configured by server-config/src/main/payara/apply.sh, with the same EAR deployed.
# Ports (plus PICBED_PORT_OFFSET): HTTP 8080, admin 4848, JMX 8686, broker 61616, JGroups 7800.

PAYARA_HOME="$ROOT/server-config/target/payara"
ARTEMIS_HOME="$ROOT/server-config/target/artemis"
PAYARA_LIBS="$ROOT/server-config/target/payara-libs"
ARTEMIS_RAR="$ROOT/server-config/target/artemis-ra.rar"
PAYARA_CONFIG="$ROOT/server-config/src/main/payara"
PAYARA_DOMAINS="$PICBED_HOME/payara"
PAYARA_DOMAIN=picbed
PAYARA_ADMIN_PORT=$((4848 + OFFSET))
PAYARA_JMX_PORT=$((8686 + OFFSET))
BROKER_DIR="$PICBED_HOME/broker"
BROKER_PORT=$((61616 + OFFSET))
BROKER_PID="$RUN/broker.pid"
BROKER_LOG="$PICBED_HOME/log/broker.log"
PAYARA_LOG="$PAYARA_DOMAINS/$PAYARA_DOMAIN/logs/server.log"

payara_built() {
  [[ -x $PAYARA_HOME/bin/asadmin && -x $ARTEMIS_HOME/bin/artemis && -f $ARTEMIS_RAR && -d $PAYARA_LIBS ]]
}

# asadmin as the domain's admin user (the password from secrets.env, through a file only this user can read)
payara_asadmin() {
  local pwfile="$RUN/asadmin.password"
  mkdir -p "$RUN"
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$PICBED_ADMIN_PASSWORD" > "$pwfile")
  "$PAYARA_HOME/bin/asadmin" --interactive=false --user "$PICBED_ADMIN_USER" --passwordfile "$pwfile" "$@"
}

# The environment Payara and the broker read their settings from (${ENV=...} in domain.xml and glassfish-ejb-jar.xml,
# ${...} in broker.xml); every value has a default here, since Payara's ${ENV=...} has none.
payara_environment() {
  export PICBED_NODE_NAME=$NODE_NAME   # WildFly's is -Djboss.node.name
  export PICBED_ARTEMIS_HOST=${PICBED_ARTEMIS_HOST:-127.0.0.1}
  export PICBED_ARTEMIS_PORT=${PICBED_ARTEMIS_PORT:-$BROKER_PORT}
  export PICBED_ARTEMIS_USER=${PICBED_ARTEMIS_USER:-picbed}
  export PICBED_ARTEMIS_PASSWORD=${PICBED_ARTEMIS_PASSWORD:-$GENERATED_BROKER_PASSWORD}
  export PICBED_EAGER_CONSUMERS=${PICBED_EAGER_CONSUMERS:-2}
  export PICBED_REPLICATION_CONSUMERS=${PICBED_REPLICATION_CONSUMERS:-8}
  export PICBED_FETCH_CONSUMERS=${PICBED_FETCH_CONSUMERS:-4}
  export PICBED_PROCESS_CONSUMERS=${PICBED_PROCESS_CONSUMERS:-2}
  export PICBED_CALLBACK_CONSUMERS=${PICBED_CALLBACK_CONSUMERS:-2}
  export PICBED_CLUSTER_PORT=${PICBED_CLUSTER_PORT:-$((7800 + OFFSET))}
  export PICBED_CLUSTER_BIND_ADDRESS=${PICBED_CLUSTER_BIND_ADDRESS:-$PRIVATE_BIND}
  export PICBED_CLUSTER_HOSTS=${PICBED_PAYARA_CLUSTER_HOSTS:-$PICBED_CLUSTER_BIND_ADDRESS[$PICBED_CLUSTER_PORT]}
}

# --- the Artemis broker --------------------------------------------------------------------------------------------
broker_start() {
  if alive "$BROKER_PID"; then step "Artemis broker already running (pid $(cat "$BROKER_PID"))"; return 0; fi
  mkdir -p "$RUN" "$(dirname "$BROKER_LOG")"
  if [[ ! -f $BROKER_DIR/bin/artemis ]]; then
    step "creating the Artemis broker instance in $BROKER_DIR"
    "$ARTEMIS_HOME/bin/artemis" create --silent --no-web --require-login --role amq \
      --user "$PICBED_ARTEMIS_USER" --password "$PICBED_ARTEMIS_PASSWORD" "$BROKER_DIR" > "$BROKER_LOG" 2>&1 \
      || { tail -n 20 "$BROKER_LOG" >&2; die "could not create the Artemis broker (log: $BROKER_LOG)"; }
  fi
  cp -f "$PAYARA_CONFIG/broker.xml" "$BROKER_DIR/etc/broker.xml"
  step "starting the Artemis broker on 127.0.0.1:$BROKER_PORT"
  : >> "$BROKER_LOG"
  nohup "$BROKER_DIR/bin/artemis" run >> "$BROKER_LOG" 2>&1 &
  echo $! > "$BROKER_PID"
  local waited=0
  until port_open "$BROKER_PORT"; do
    alive "$BROKER_PID" || { tail -n 30 "$BROKER_LOG" >&2; rm -f "$BROKER_PID"; die "the Artemis broker did not start (log: $BROKER_LOG)"; }
    ((waited++ < 600)) || { broker_stop; die "the Artemis broker is not listening after 60 s (log: $BROKER_LOG)"; }
    sleep 0.1
  done
}

broker_stop() {
  if alive "$BROKER_PID"; then
    local pid
    pid=$(cat "$BROKER_PID")
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 60 || { say "the broker did not stop in 60 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$BROKER_PID"
}

# --- the Payara domain ---------------------------------------------------------------------------------------------
# apply.sh rebuilds the domain from scratch (about a minute): only when it is missing or its inputs changed.
payara_prepare() {
  local stamp="$PAYARA_DOMAINS/.applied" want
  want="offset=$OFFSET user=$PICBED_ADMIN_USER pw=$(printf '%s' "$PICBED_ADMIN_PASSWORD" | md5sum | cut -c1-32) config=$(cat "$PAYARA_CONFIG"/apply.sh "$PAYARA_CONFIG"/*.asadmin | md5sum | cut -c1-32) rar=$(md5sum < "$ARTEMIS_RAR" | cut -c1-32) libs=$(ls "$PAYARA_LIBS" | md5sum | cut -c1-32) turbojpeg=$(ls /usr/share/java/turbojpeg.jar 2>/dev/null)"
  if [[ -d $PAYARA_DOMAINS/$PAYARA_DOMAIN && $(cat "$stamp" 2>/dev/null) == "$want" ]]; then return 0; fi
  step "configuring the Payara domain (server-config/src/main/payara: libraries, Artemis adapter, datasource)"
  PICBED_PAYARA_DOMAINS_DIR="$PAYARA_DOMAINS" PICBED_PORT_OFFSET="$OFFSET" \
    bash "$PAYARA_CONFIG/apply.sh" "$PAYARA_HOME" "$PAYARA_DOMAIN" "$PAYARA_LIBS" "$ARTEMIS_RAR" > "$PICBED_HOME/log/payara-apply.log" 2>&1 \
    || { tail -n 30 "$PICBED_HOME/log/payara-apply.log" >&2; die "could not configure Payara (log: $PICBED_HOME/log/payara-apply.log)"; }
  rm -f "$RUN/deployed.ear"
  printf '%s\n' "$want" > "$stamp"
}

payara_start() {
  step "starting Payara (domain $PAYARA_DOMAIN, http $HTTP_PORT, admin $PAYARA_ADMIN_PORT, JMX $PAYARA_JMX_PORT)"
  payara_asadmin start-domain --domaindir "$PAYARA_DOMAINS" "$PAYARA_DOMAIN" > "$PICBED_HOME/log/payara-start.log" 2>&1 \
    || { tail -n 30 "$PICBED_HOME/log/payara-start.log" >&2; return 1; }
  cp -f "$PAYARA_DOMAINS/$PAYARA_DOMAIN/config/pid" "$SERVER_PID" 2>/dev/null || true
  if ! cmp -s "$EAR" "$RUN/deployed.ear"; then
    step "deploying picbed.ear"
    payara_asadmin --port "$PAYARA_ADMIN_PORT" deploy --force=true --name picbed "$EAR" > "$PICBED_HOME/log/payara-deploy.log" 2>&1 \
      || { tail -n 30 "$PICBED_HOME/log/payara-deploy.log" >&2; say "deployment failed (log: $PAYARA_LOG)" >&2; return 1; }
    cp -f "$EAR" "$RUN/deployed.ear"
  fi
}

# replaces WildFly's server_failed for wait_healthy
server_failed() {
  alive "$SERVER_PID" && return 1
  tail -n 40 "$PAYARA_LOG" >&2; say "Payara exited" >&2
  return 0
}

payara_stop() {
  if alive "$SERVER_PID" || [[ -f $PAYARA_DOMAINS/$PAYARA_DOMAIN/config/pid ]]; then
    payara_asadmin stop-domain --domaindir "$PAYARA_DOMAINS" "$PAYARA_DOMAIN" > /dev/null 2>&1 || true
    if alive "$SERVER_PID"; then
      wait_gone "$(cat "$SERVER_PID")" 60 || kill -KILL "$(cat "$SERVER_PID")" 2>/dev/null || true
    fi
  fi
  rm -f "$SERVER_PID"
}

payara_cmd_start() {
  T0=$SECONDS
  alive "$SERVER_PID" && die "already running (pid $(cat "$SERVER_PID")); ./picbed stop first"
  [[ -z ${PICBED_PEERS:-} ]] || die "sites (PICBED_PEERS) run on WildFly only for now; see docs/install.md"
  ensure_tools
  build
  payara_built || die "Payara parts not built; run ./mvnw package"
  load_secrets
  storage_environment "$(storage_kind "$OPT_STORAGE")" record
  payara_environment
  check_ports_free "$HTTP_PORT" "$PAYARA_ADMIN_PORT" "$PAYARA_JMX_PORT" "$BROKER_PORT"
  mkdir -p "$RUN" && echo payara > "$RUN/server.kind"
  start_db
  s3_start
  broker_start
  payara_prepare
  if ! payara_start || ! wait_healthy; then
    say "see $PAYARA_LOG; stopping" >&2
    payara_stop; broker_stop; s3_stop; stop_db; rm -f "$RUN/server.kind"; exit 1
  fi
  print_summary
  say "  server:     Payara Server 6 (domain $PAYARA_DOMAINS/$PAYARA_DOMAIN), broker $BROKER_DIR (port $BROKER_PORT)"
}

payara_cmd_stop() {
  local any=0
  load_secrets   # asadmin logs in as the admin user
  if alive "$SERVER_PID" || [[ -f $PAYARA_DOMAINS/$PAYARA_DOMAIN/config/pid ]]; then step "stopping Payara"; payara_stop; any=1; fi
  if alive "$BROKER_PID"; then step "stopping the Artemis broker"; broker_stop; any=1; fi
  if alive "$S3_PID"; then step "stopping the local S3 server"; s3_stop; any=1; fi
  if alive "$DB_PID" || alive "$DB_DIR/data.pid"; then step "stopping embedded MariaDB"; stop_db; any=1; fi
  rm -f "$RUN/server.kind"
  ((any)) && say "picbed stopped" || say "picbed is not running ($PICBED_HOME)"
}
