# shellcheck shell=bash
# picbed launcher, storage part (sourced by ./picbed): where a data dir keeps image bytes.
#   --storage file (default)  blobs and variants on the volume PICBED_STORAGE_DIR (PICBED_HOME/blobs)
#   --storage s3              an S3-compatible bucket: the operator's (PICBED_S3_ENDPOINT, PICBED_S3_BUCKET, ...;
#                             docs/storage.md) or, with no PICBED_S3_ENDPOINT, a local S3-protocol server (Adobe
#                             S3Mock, loopback only) with its data in PICBED_HOME/s3
# The choice is recorded in PICBED_HOME/storage.kind, so later starts keep it.

S3MOCK_DIR="$ROOT/server-config/target/s3mock"
S3_PID="$RUN/s3.pid"
S3_LOG="$PICBED_HOME/log/s3.log"
S3_DATA=${PICBED_S3MOCK_DIR:-$PICBED_HOME/s3}
S3_PORT=${PICBED_S3MOCK_PORT:-$((14000 + OFFSET))}
STORAGE_KIND_FILE="$PICBED_HOME/storage.kind"
LOCAL_S3=0

# the storage of this data dir: --storage, else what an earlier start recorded, else PICBED_STORAGE, else file
storage_kind() { # [--storage value]
  local kind=${1:-}
  [[ -n $kind ]] || kind=$(cat "$STORAGE_KIND_FILE" 2>/dev/null || true)
  [[ -n $kind ]] || kind=${PICBED_STORAGE:-file}
  [[ $kind == file || $kind == s3 ]] || die "storage is file or s3, got '$kind'"
  echo "$kind"
}

# exports PICBED_STORAGE and, for a local S3 server, the PICBED_S3_* settings that point at it; "record" remembers
# the kind for later starts (start does; migrate-storage does not: the data dir stays on files until started with s3)
storage_environment() { # kind [record]
  export PICBED_STORAGE=$1
  [[ ${2:-} != record ]] || { mkdir -p "$PICBED_HOME" && echo "$1" > "$STORAGE_KIND_FILE"; }
  [[ $1 == s3 ]] || return 0
  if [[ -n ${PICBED_S3_ENDPOINT:-} ]]; then   # the operator's object store (or, for a site's node k > 1, node 1's)
    [[ -n ${PICBED_S3_BUCKET:-} ]] || die "with PICBED_S3_ENDPOINT also set PICBED_S3_BUCKET (docs/storage.md)"
    return 0
  fi
  LOCAL_S3=1
  export PICBED_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" PICBED_S3_BUCKET=${PICBED_S3_BUCKET:-picbed}
  export PICBED_S3_REGION=${PICBED_S3_REGION:-us-east-1} PICBED_S3_PATH_STYLE=true
  export PICBED_S3_ACCESS_KEY=picbed PICBED_S3_SECRET_KEY=${GENERATED_S3_SECRET:?}
}

s3_built() { [[ -f $S3MOCK_DIR/s3mock-exec.jar ]] && compgen -G "$S3MOCK_DIR/*-s3mock-loopback.jar" > /dev/null; }

s3_start() {
  ((LOCAL_S3)) || return 0
  if alive "$S3_PID"; then step "local S3 server already running (pid $(cat "$S3_PID"))"; return 0; fi
  s3_built || die "the local S3 server is not built; run ./mvnw package"
  port_open "$S3_PORT" && die "port $S3_PORT is taken; set PICBED_S3MOCK_PORT or PICBED_PORT_OFFSET"
  port_open $((S3_PORT + 1)) && die "port $((S3_PORT + 1)) is taken; set PICBED_S3MOCK_PORT or PICBED_PORT_OFFSET"
  step "starting the local S3-protocol server (Adobe S3Mock) on 127.0.0.1:$S3_PORT, bucket $PICBED_S3_BUCKET, data in $S3_DATA"
  mkdir -p "$S3_DATA" "$RUN" "$(dirname "$S3_LOG")"
  local shim
  shim=$(compgen -G "$S3MOCK_DIR/*-s3mock-loopback.jar" | head -n 1)
  # the second connector (httpPort) is kept on loopback by the shim (org.picbed.server.s3mock.LoopbackConnectors)
  # shellcheck disable=SC2086
  nohup java ${PICBED_S3MOCK_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Dloader.path="$shim" -Djava.io.tmpdir="$S3_DATA" \
    -cp "$S3MOCK_DIR/s3mock-exec.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    --server.address=127.0.0.1 --server.port="$S3_PORT" --server.ssl.enabled=false \
    --com.adobe.testing.s3mock.httpPort=$((S3_PORT + 1)) \
    --com.adobe.testing.s3mock.store.root="$S3_DATA/store" \
    --com.adobe.testing.s3mock.store.retainFilesOnExit=true \
    --com.adobe.testing.s3mock.store.initialBuckets="$PICBED_S3_BUCKET" \
    --logging.level.root=WARN --spring.main.banner-mode=off >> "$S3_LOG" 2>&1 &
  echo $! > "$S3_PID"
  local waited=0
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$S3_PORT/" || true) == 200 ]]; do
    alive "$S3_PID" || { tail -n 30 "$S3_LOG" >&2; rm -f "$S3_PID"; die "the local S3 server did not start (log: $S3_LOG)"; }
    ((waited++ < 600)) || { s3_stop; die "the local S3 server is not ready after 60 s (log: $S3_LOG)"; }
    sleep 0.1
  done
}

s3_stop() {
  alive "$S3_PID" || { rm -f "$S3_PID"; return 0; }
  kill -TERM "$(cat "$S3_PID")" 2>/dev/null || true
  wait_gone "$(cat "$S3_PID")" 30 || kill -KILL "$(cat "$S3_PID")" 2>/dev/null || true
  rm -f "$S3_PID"
}

storage_summary() {
  if [[ ${PICBED_STORAGE:-file} != s3 ]]; then say "  storage:    files in ${PICBED_STORAGE_DIR:-$PICBED_HOME/blobs}"
  elif ((LOCAL_S3)); then say "  storage:    S3 bucket $PICBED_S3_BUCKET at $PICBED_S3_ENDPOINT (local S3Mock, data in $S3_DATA)"
  else say "  storage:    S3 bucket $PICBED_S3_BUCKET at ${PICBED_S3_ENDPOINT:-AWS S3 ($PICBED_S3_REGION)}"; fi
}

# ./picbed migrate-storage [--parallel N]: copies this data dir's file store into the bucket (the operator's, from
# PICBED_S3_*, or the local S3 server, started for the copy if it is not running), verified by SHA-256 and resumable
# (journal PICBED_HOME/migrate-storage.journal); picbed may keep running on files meanwhile (MigrateStorageCommand)
cmd_migrate_storage() {
  load_secrets
  storage_environment s3
  local started=0
  if ((LOCAL_S3)) && ! alive "$S3_PID"; then s3_start; started=1; fi
  local rc=0
  cli migrate-storage --dir "${PICBED_STORAGE_DIR:-$PICBED_HOME/blobs}" --journal "$PICBED_HOME/migrate-storage.journal" "$@" || rc=$?
  if ((started)); then s3_stop; fi
  return $rc
}

# ./picbed s3 start|stop|status: the local S3 server alone (e.g. to look into the bucket, or to see how picbed
# rides out an object store outage: uploads answer 503 + Retry-After, health says storage DOWN)
cmd_s3() {
  load_secrets
  [[ $(storage_kind) == s3 ]] || die "this data dir does not use s3 storage (start it with ./picbed start --storage s3)"
  storage_environment s3
  ((LOCAL_S3)) || die "this data dir uses the S3 store at $PICBED_S3_ENDPOINT, not a local one"
  case ${1:-status} in
    start) s3_start; say "local S3 server up: $PICBED_S3_ENDPOINT (bucket $PICBED_S3_BUCKET)" ;;
    stop) step "stopping the local S3 server"; s3_stop ;;
    status) if alive "$S3_PID"; then say "local S3 server running (pid $(cat "$S3_PID")): $PICBED_S3_ENDPOINT"; else say "local S3 server stopped"; return 3; fi ;;
    *) die "usage: ./picbed s3 start|stop|status" ;;
  esac
}
