#!/usr/bin/env bash
# durability.sh -- crash durability check of the upload path.
#
#   it/scripts/durability.sh            # from anywhere; starts its own picbed instance (temp data dir)
#
# THREADS (16) client loops upload distinct generated images (64x64 24-bit BMPs with random pixels) for at least
# DURATION (90) seconds while WildFly is killed with kill -9 (java and its standalone.sh wrapper) every KILL_EVERY
# (15) seconds, but only after it has been healthy for MIN_UP (10) seconds, at least KILLS (4) times, and restarted
# with ./picbed start (which reuses the still-running embedded MariaDB). The run lasts until both DURATION and KILLS
# are reached (a restart under this load takes 20-45 s on 2 cores, so 4 kills take ~3 minutes). Connection errors
# and non-2xx answers are "not acknowledged" and the client moves on with a new file. At the end every acknowledged (2xx) upload
# must be readable with GET /i/<id>, its SHA-256 equal to the id and to the uploaded file's. Prints a summary;
# exits 1 if any acknowledged upload is lost, 2 if the run itself failed.
#
# Environment: PICBED_PORT_OFFSET (700: http 8780), DURATION, THREADS, KILL_EVERY, MIN_UP, KILLS,
#              KEEP=1 keeps the temp data dir and work dir (printed) instead of removing them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-90}
THREADS=${THREADS:-16}
KILL_EVERY=${KILL_EVERY:-15}
MIN_UP=${MIN_UP:-10}
KILLS=${KILLS:-4}
KEEP=${KEEP:-0}
export PICBED_PORT_OFFSET=${PICBED_PORT_OFFSET:-700}
HTTP_PORT=$((8080 + PICBED_PORT_OFFSET))
URL="http://127.0.0.1:$HTTP_PORT"

export PICBED_HOME
PICBED_HOME=$(mktemp -d "${TMPDIR:-/tmp}/picbed-durability-home.XXXXXX")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/picbed-durability-work.XXXXXX")
CLIENTS=()

log() { printf '%s durability: %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  touch "$WORK/stop" 2>/dev/null || true
  (cd "$ROOT" && ./picbed stop >/dev/null 2>&1) || true   # clients then fail fast and see the stop file
  local pid
  for pid in "${CLIENTS[@]}"; do wait "$pid" 2>/dev/null || true; done
  local f   # whatever the launcher could not stop, if it is still this instance's process
  for f in "$PICBED_HOME/run/server.pid" "$PICBED_HOME/run/server-wrapper.pid" "$PICBED_HOME/run/db.pid" \
      "$PICBED_HOME/db/data.pid"; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    if tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -qF "$PICBED_HOME"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  if [[ $KEEP == 1 ]]; then
    log "kept data dir $PICBED_HOME and work dir $WORK"
  else
    rm -rf "$PICBED_HOME" "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the instance ----------------------------------------------------------------------------------------
start_server() { # log file
  (cd "$ROOT" && ./picbed start) >> "$1" 2>&1
}

log "starting picbed (data dir $PICBED_HOME, http $HTTP_PORT; builds first if needed)"
if ! start_server "$WORK/start.log"; then
  tail -n 30 "$WORK/start.log" >&2
  log "picbed did not start"; exit 2
fi
KEY=${PICBED_API_KEYS:-}
KEY=${KEY%%,*}
if [[ -z $KEY ]]; then
  KEY=$(sed -n 's/^GENERATED_API_KEY=//p' "$PICBED_HOME/secrets.env")
fi

# --- the clients -----------------------------------------------------------------------------------------
# A 64x64 24-bit BMP: 54-byte header (file size 12342, pixel data at 54, 12288 bytes of pixels), random pixels.
printf 'BM\x36\x30\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00\x40\x00\x00\x00\x40\x00\x00\x00\x01\x00\x18\x00\x00\x00\x00\x00\x00\x30\x00\x00\x13\x0b\x00\x00\x13\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' \
  > "$WORK/bmp-header"

# Each line of c<N>.log: sha256 of the file, http status (000: no answer), returned id (- if none), curl exit code
client() {
  local t=$1 n=0 f sha code id rc
  local dir="$WORK/c$t"
  mkdir -p "$dir"
  while [[ ! -e $WORK/stop ]]; do
    n=$((n + 1))
    f="$dir/$n.bmp"
    { cat "$WORK/bmp-header"; head -c 12288 /dev/urandom; } > "$f"
    sha=$(sha256sum "$f")
    sha=${sha%% *}
    rc=0
    code=$(curl -s -o "$dir/response" -w '%{http_code}' --connect-timeout 5 --max-time 60 \
      -H "Authorization: Bearer $KEY" -F "file=@$f;type=image/bmp" "$URL/api/images") || rc=$?
    [[ $code =~ ^[0-9]{3}$ ]] || code=000
    id=$(grep -o '"id":"[0-9a-f]\{64\}"' "$dir/response" 2>/dev/null | head -n 1 | cut -d'"' -f4) || true
    printf '%s\t%s\t%s\t%s\n' "$sha" "$code" "${id:--}" "$rc" >> "$WORK/c$t.log"
    rm -f "$dir/response"
    rm -f "$f"   # its sha256 in the log is what must come back
    if [[ $code == 000 || $code == 5?? || $code == 404 ]]; then sleep 1; fi   # down or booting: do not spin
  done
}

: > "$WORK/restarts.log"
T0=$SECONDS
log "$THREADS clients uploading for >= $DURATION s; kill -9 every $KILL_EVERY s (>= $MIN_UP s after healthy), >= $KILLS kills"
for ((t = 1; t <= THREADS; t++)); do
  client "$t" &
  CLIENTS+=($!)
done

# --- the killer ------------------------------------------------------------------------------------------
wait_until() { while ((SECONDS < $1)); do sleep 0.2; done; }

kill_server() {
  local java wrapper i
  java=$(cat "$PICBED_HOME/run/server.pid")
  wrapper=$(cat "$PICBED_HOME/run/server-wrapper.pid")
  kill -KILL "$java" 2>/dev/null || true
  kill -KILL "$wrapper" 2>/dev/null || true
  # the launcher refuses to start while the old pid answers kill -0 (also as a zombie, until it is reaped)
  for ((i = 0; i < 600; i++)); do
    kill -0 "$java" 2>/dev/null || kill -0 "$wrapper" 2>/dev/null || return 0
    sleep 0.1
  done
  log "killed WildFly (pid $java) still not reaped after 60 s"; return 1
}

kills=0
last_kill=$SECONDS
end=$((T0 + DURATION))
while :; do
  up=$SECONDS
  next=$((last_kill + KILL_EVERY))
  ((next >= up + MIN_UP)) || next=$((up + MIN_UP))
  if ((kills >= KILLS && next >= end)); then
    ((end >= up + MIN_UP)) || end=$((up + MIN_UP))   # uploads also run a while after the last restart
    wait_until "$end"
    break
  fi
  wait_until "$next"
  java_pid=$(cat "$PICBED_HOME/run/server.pid")
  kill_server || exit 2
  kills=$((kills + 1))
  last_kill=$next
  started=$SECONDS
  ok=0
  for attempt in 1 2 3; do
    if start_server "$WORK/restarts.log"; then ok=1; break; fi
    log "restart attempt $attempt failed: $(grep -v '^$' "$WORK/restarts.log" | tail -n 3 | tr '\n' ' ')"
  done
  ((ok)) || { log "WildFly did not come back after kill $kills"; exit 2; }
  log "kill $kills at +$((last_kill - T0)) s (java pid $java_pid): healthy again after $((SECONDS - started)) s"
done

touch "$WORK/stop"
wait "${CLIENTS[@]}" 2>/dev/null || true
CLIENTS=()
ELAPSED=$((SECONDS - T0))
cat "$WORK"/c*.log > "$WORK/all.tsv"

# --- verification ----------------------------------------------------------------------------------------
# acknowledged: 2xx. The id to read back is the returned one (or the file's sha256 if the body was cut off).
awk -F'\t' '$2 ~ /^2/ { print $1 "\t" ($3 == "-" ? $1 : $3) }' "$WORK/all.tsv" > "$WORK/acked.tsv"
mkdir -p "$WORK/got"
awk -F'\t' -v url="$URL" -v dir="$WORK/got" '!seen[$2]++ {
  printf "url = \"%s/i/%s\"\noutput = \"%s/%s\"\n", url, $2, dir, $2 }' "$WORK/acked.tsv" > "$WORK/get.curlrc"
: > "$WORK/get.codes"
if [[ -s $WORK/get.curlrc ]]; then
  log "verifying $(wc -l < "$WORK/acked.tsv") acknowledged uploads"
  curl -s --max-time 30 -K "$WORK/get.curlrc" -w '%{http_code}\t%{url_effective}\n' > "$WORK/get.codes" || true
fi
# http code per id; sha256 per downloaded file
awk -F'\t' '{ n = split($2, p, "/"); print p[n] "\t" $1 }' "$WORK/get.codes" > "$WORK/get.status"
(cd "$WORK/got" && find . -type f -printf '%f\0' | xargs -0 -r sha256sum) | awk '{ print $2 "\t" $1 }' > "$WORK/got.sha"
awk -F'\t' -v out="$WORK/lost.tsv" '
  FILENAME == ARGV[1] { status[$1] = $2; next }
  FILENAME == ARGV[2] { got[$1] = $2; next }
  {
    file_sha = $1; id = $2; why = ""
    if (file_sha != id) why = "returned id differs from the file sha256"
    else if (status[id] != "200") why = "GET answered " (id in status ? status[id] : "nothing")
    else if (got[id] != id) why = "GET bytes differ (sha256 " got[id] ")"
    if (why != "") { lost++; print id "\t" why > out } else ok++
  }
  END { printf "%d\t%d\n", ok, lost }' "$WORK/get.status" "$WORK/got.sha" "$WORK/acked.tsv" > "$WORK/verdict"
read -r VERIFIED LOST < "$WORK/verdict"

ATTEMPTED=$(wc -l < "$WORK/all.tsv")
ACKED=$(wc -l < "$WORK/acked.tsv")
CREATED=$(awk -F'\t' '$2 == 201' "$WORK/all.tsv" | wc -l)
CONN=$(awk -F'\t' '$2 == "000"' "$WORK/all.tsv" | wc -l)
CUT=$(awk -F'\t' '$2 == "000" && ($4 == 52 || $4 == 55 || $4 == 56)' "$WORK/all.tsv" | wc -l)   # curl: empty reply, send or recv failure
E5XX=$(awk -F'\t' '$2 ~ /^5/' "$WORK/all.tsv" | wc -l)
OTHER=$(awk -F'\t' '$2 !~ /^(2|5|000)/' "$WORK/all.tsv" | wc -l)
STATUSES=$(awk -F'\t' '{ c[$2]++ } END { for (s in c) printf "%s:%d ", s, c[s] }' "$WORK/all.tsv")

echo
printf 'durability\tthreads=%d\tseconds=%d\tkills=%d\n' "$THREADS" "$ELAPSED" "$kills"
printf 'uploads\tattempted=%d\tacknowledged=%d\tcreated=%d\tnot_acknowledged=%d\n' \
  "$ATTEMPTED" "$ACKED" "$CREATED" "$((ATTEMPTED - ACKED))"
printf 'not_acknowledged\tconnection_errors=%d\tof_which_cut_mid_request=%d\t5xx=%d\tother=%d\tstatuses=%s\n' "$CONN" "$CUT" "$E5XX" "$OTHER" "${STATUSES% }"
printf 'verify\treadable_identical=%d\tlost=%d\n' "$VERIFIED" "$LOST"
if ((LOST > 0)); then
  echo "LOST uploads (acknowledged, then unreadable or different):"
  head -n 20 "$WORK/lost.tsv"
  printf 'RESULT\tFAIL\tlost=%d\n' "$LOST"
  exit 1
fi
if ((ACKED == 0 || kills < KILLS)); then
  printf 'RESULT\tINVALID\tacknowledged=%d\tkills=%d (need >= 1 and >= %d)\n' "$ACKED" "$kills" "$KILLS"
  exit 2
fi
printf 'RESULT\tPASS\tlost=0\n'
