#!/usr/bin/env bash
# variant-bench.sh -- variant delivery and rendering against the shared baselines, measured back to back.
#
#   ../shared/bench/setup.sh                        # once (apt packages: vips, nginx, wrk...; builds bench/java)
#   ../shared/corpus/make-corpus.sh "${TMPDIR:-/tmp}/corpus"   # once (or any DIR, then PICBED_CORPUS_DIR=DIR)
#   it/scripts/variant-bench.sh                     # ~4 min on 2 cores, starting a server included
#
# Each benchmark measures its baseline and then puts the same load on picbed right after (these machines are
# shared and noisy: the ratios are what count), prints the raw lines as it goes, and ends with one table
# "benchmark picbed baseline ratio goal met":
#   P1  hot hit of a ~32 KB JPEG: serve-30k.jpg is uploaded, its preset /i/<id>/large.jpg (never enlarges: the
#       same size, re-encoded q80) is requested 3 times (the 3rd must be X-Cache: HIT, served on Undertow's IO
#       thread), its bytes go to ../shared/bench/serve.sh (nginx static + Java servers, wrk -t2 -c50), then wrk
#       -t2 -c50 (warm-up, see HOT_WARMUP; SECS timed, --latency) on picbed's URL. Goals: req/s >= 1.0x nginx, p99 <=
#       max(2 x nginx p99, 25 ms), no non-2xx. Context: the same variant with "?x=1" (the IO-thread handler only
#       takes requests without a query string: the servlet path on a worker thread, still X-Cache: HIT).
#   P3  cold 300 px thumbnails of the baseline-coded 12-20 MP JPEGs: SET=baseline thumbs.sh (vipsthumbnail 2
#       processes = "2T"), then N3 distinct signed variants w:300/q:<79, 78, ...> round-robin over the 3 uploaded
#       files with 2 concurrent clients (one curl --parallel); each must be 200 and X-Cache: RENDERED.
#       img/s = N3 / wall time. Goal: >= 1.0x vipsthumbnail 2T.
#   P4  the same on the progressive set (4 files, N4 variants).
#   P6  BURST (20) concurrent cold renders of 24 MP JPEGs (photo-kleiber-20mp scaled 1.1x with vips, 3 distinct
#       uploads; widths cycling P6_WIDTHS) while wrk -t1 -c20 hits the P1 hot URL for the whole burst (started
#       1 s before, stopped with SIGINT when the burst is over; a quiet wrk -t1 -c20 run just before is the
#       control). 503s from the render gate (short queue full) are allowed and counted; any other answer than
#       200 RENDERED or 503 (e.g. a 500 from an OutOfMemoryError) is an error. WildFly's heap used
#       (S0U+S1U+EU+OU, jstat -gc every 200 ms) is sampled during the burst; "after GC" is the used heap in the
#       first sample after each GC. Goals: peak heap used < 512 MB; no errors; hot p99 during the burst <=
#       max(2 x P1 p99, 25 ms) (its ratio to P1 p99 and to the quiet control are printed).
# Before timing cold renders the script waits for the uploads' eager presets (thumbnails queue 0, no busy
# render worker, renders counter settled). Every upload gets 16 random bytes after the JPEG's EOI, so ids
# and variants are new in each run, even on a reused server. The JPEG decoder the server logged is printed.
#
# The server: if PICBED_HOME names a running instance it is used (and left running, with the uploads);
# otherwise the script starts its own in a temp data dir at PICBED_PORT_OFFSET (600: http 8680) and removes it.
# The launcher's settings pass through: PICBED_JAVA_SIZING="-Xms256m -Xmx512m -XX:MetaspaceSize=96M
# -XX:MaxMetaspaceSize=512m" holds the heap goal strictly (G1 fills whatever -Xmx allows, 768m by default, so
# "peak used" then says more about the heap size than about what the renders need; "after GC" is closer).
# Environment: PICBED_CORPUS_DIR (${TMPDIR:-/tmp}/corpus), PICBED_BENCH_DIR (../shared/bench),
#   ONLY ("P1 P3 P4 P6 P7": the benchmarks to run; P7 = AVIF vs WebP encoders, P7_ROUNDS 5), SECS (10: wrk seconds, P1), CONNS (50), HOT_WARMUP (45: at most
#   this many seconds of wrk warm-up on picbed's hot URL, in 3 s rounds, at least 15 s, until a round is not 10 %
#   better than the best before: a fresh WildFly is JIT-cold; the baselines get serve.sh's 2 s), SERVLET_SECS (5; 0 skips the servlet-path context
#   run), SCALE (0.5: thumbs.sh rounds, baseline set), PROG_SCALE (0.25: progressive),
#   THUMBS_FULL (baseline: the sets for which the whole thumbs.sh runs, Java baselines included, ~1 min at 0.5;
#   progressive|all|none; for the others only its vipsthumbnail part runs, same commands: the whole progressive
#   thumbs.sh takes ~5 min), N3 (60), N4 (24), WARMUP_RENDERS (12: uncounted cold renders before P3),
#   BURST (20), P6_WIDTHS ("4096 1600 300"), P6_QUIET_SECS (5), FAIL_ON_GOAL=1 (exit 1 when a goal is missed),
#   KEEP=1 (keep the work dir: wrk outputs, curl answers, jstat samples).
# Exit: 0 (goals are reported, not enforced, unless FAIL_ON_GOAL=1), 1 goal missed with FAIL_ON_GOAL=1,
#   2 the run failed (missing tools, server down, wrong status or X-Cache).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=${PICBED_BENCH_DIR:-$ROOT/../shared/bench}
CORPUS=${PICBED_CORPUS_DIR:-${TMPDIR:-/tmp}/corpus}
ONLY=${ONLY:-P1 P3 P4 P6 P7}
SECS=${SECS:-10}
CONNS=${CONNS:-50}
SERVLET_SECS=${SERVLET_SECS:-5}
HOT_WARMUP=${HOT_WARMUP:-45}
SCALE=${SCALE:-0.5}
PROG_SCALE=${PROG_SCALE:-0.25}
THUMBS_FULL=${THUMBS_FULL:-baseline}
N3=${N3:-60}
N4=${N4:-24}
WARMUP_RENDERS=${WARMUP_RENDERS:-12}
BURST=${BURST:-20}
P6_WIDTHS=${P6_WIDTHS:-4096 1600 300}
P6_QUIET_SECS=${P6_QUIET_SECS:-5}
FAIL_ON_GOAL=${FAIL_ON_GOAL:-0}
KEEP=${KEEP:-0}
T_START=$(date +%s.%N)

say() { printf 'variant-bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }
want() { [[ " $ONLY " == *" $1 "* ]]; }

# --- prerequisites -----------------------------------------------------------------------------------------
for t in curl wrk python3 vipsthumbnail vips awk; do
  command -v "$t" >/dev/null || die "needs $t (run $BENCH/setup.sh once)"
done
[[ -x $BENCH/serve.sh && -x $BENCH/thumbs.sh && -f $BENCH/java/target/image-baselines-1.jar ]] \
  || die "baselines not built: run $BENCH/setup.sh once (PICBED_BENCH_DIR=$BENCH)"
for f in serve-30k.jpg photo-kleiber-20mp.jpg photo-kleiber-12mp.jpg photo-mosaic-16mp.jpg \
    photo-infinitesea-17mp.jpg scan-elephants-18mp.jpg render-volna-15mp.jpg render-rhythm-9mp.jpg; do
  [[ -f $CORPUS/$f ]] || die "no $CORPUS/$f: run ../shared/corpus/make-corpus.sh DIR and set PICBED_CORPUS_DIR=DIR"
done
CORPUS=$(cd "$CORPUS" && pwd)
[[ $N3 =~ ^[0-9]+$ && $N4 =~ ^[0-9]+$ && $BURST =~ ^[0-9]+$ && $SECS =~ ^[0-9]+$ ]] || die "N3, N4, BURST, SECS are numbers"
((N3 >= 3 && N3 <= 3 * 79 && N4 >= 4 && N4 <= 4 * 79 && BURST >= 1 && BURST <= 79)) \
  || die "N3 3..237, N4 4..316, BURST 1..79 (one distinct quality per variant)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/picbed-variant-bench.XXXXXX")
OWN_HOME=""
BG_PIDS=()
cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ -n $OWN_HOME ]]; then
    (cd "$ROOT" && PICBED_HOME=$OWN_HOME ./picbed stop >/dev/null 2>&1) || true
    rm -rf "$OWN_HOME"
  fi
  if [[ $KEEP == 1 ]]; then say "kept the work dir $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the server --------------------------------------------------------------------------------------------
if [[ -n ${PICBED_HOME:-} && -f $PICBED_HOME/run/server.pid ]] && kill -0 "$(cat "$PICBED_HOME/run/server.pid")" 2>/dev/null; then
  say "using the running instance of $PICBED_HOME"
  export PICBED_PORT_OFFSET=${PICBED_PORT_OFFSET:-0}
else
  OWN_HOME=$(mktemp -d "${TMPDIR:-/tmp}/picbed-variant-bench-home.XXXXXX")
  export PICBED_HOME=$OWN_HOME
  export PICBED_PORT_OFFSET=${PICBED_PORT_OFFSET:-600}
  say "starting picbed (data dir $PICBED_HOME, http $((8080 + PICBED_PORT_OFFSET)); builds first if needed)"
  if ! (cd "$ROOT" && ./picbed start) > "$WORK/start.log" 2>&1; then
    tail -n 30 "$WORK/start.log" >&2; die "picbed did not start"
  fi
fi
URL="http://127.0.0.1:$((8080 + PICBED_PORT_OFFSET))"
KEY=${PICBED_API_KEYS:-}
KEY=${KEY%%,*}
secret() { sed -n "s/^$1=//p" "$PICBED_HOME/secrets.env"; }
[[ -n $KEY ]] || KEY=$(secret GENERATED_API_KEY)
SIGN_KEY=${PICBED_SIGNING_KEY:-$(secret GENERATED_SIGNING_KEY)}
SIGN_SALT=${PICBED_SIGNING_SALT:-$(secret GENERATED_SIGNING_SALT)}
export SIGN_KEY=${SIGN_KEY%%,*} SIGN_SALT=${SIGN_SALT%%,*}
JAVA_PID=$(cat "$PICBED_HOME/run/server.pid")
curl -sf -o /dev/null "$URL/api/health" || die "$URL/api/health is not 200"
T_SERVER=$(date +%s.%N)

# --- helpers -----------------------------------------------------------------------------------------------
now() { date +%s.%N; }
ticks() { [[ -r /proc/$1/stat ]] && sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }' || echo 0; }
metric() { curl -s "$URL/api/metrics" | awk -v n="$1" '$1 == n { v = $2 } END { printf "%d\n", (v == "" ? 0 : v) }'; }

# upload FILE -> id (a distinct copy: 16 random bytes after the EOI)
upload() {
  local copy="$WORK/up-$RANDOM$RANDOM-$(basename "$1")" out id
  { cat "$1"; head -c 16 /dev/urandom; } > "$copy"
  out=$(curl -s -H "Authorization: Bearer $KEY" -H 'Expect:' -F "file=@$copy;type=image/jpeg" "$URL/api/images") \
    || die "upload of $1 failed"
  rm -f "$copy"
  id=$(printf '%s' "$out" | sed -n 's/.*"id":"\([0-9a-f]\{64\}\)".*/\1/p' | head -n 1)
  [[ -n $id ]] || die "upload of $1: no id in $out"
  printf '%s\n' "$id"
}

# wait_eager MIN_RENDERS: the eager presets of the uploads are rendered (queue empty, workers idle, counter
# at least MIN_RENDERS and unchanged for a second)
wait_eager() {
  local min=$1 deadline=$((SECONDS + 180)) last=-1 r q busy
  while ((SECONDS < deadline)); do
    r=$(metric picbed_variant_renders_total)
    q=$(metric 'picbed_queue_messages{queue="picbed.thumbnails"}')
    busy=$(metric picbed_render_workers_busy)
    if [[ $q == 0 && $busy == 0 && $r == "$last" ]] && ((r >= min)); then return 0; fi
    last=$r
    sleep 1
  done
  say "warning: eager renders not settled after 180 s (renders $r, expected >= $min, queue $q, busy $busy)"
}

# sign: lines "options id ext" on stdin -> signed paths /v/<sig>/<options>/<id>.<ext>
cat > "$WORK/sign.py" <<'EOF'
import base64, hashlib, hmac, os, sys
key = bytes.fromhex(os.environ["SIGN_KEY"]); salt = bytes.fromhex(os.environ["SIGN_SALT"])
for line in sys.stdin:
    options, image_id, ext = line.split()
    path = f"/{options}/{image_id}.{ext}"
    sig = base64.urlsafe_b64encode(hmac.new(key, salt + path.encode(), hashlib.sha256).digest()).rstrip(b"=").decode()
    print(f"/v/{sig}{path}")
EOF
sign() { python3 "$WORK/sign.py"; }

# curlrc NAME < paths: one curl --parallel config; each answer -> "status<TAB>x-cache<TAB>seconds"
curlrc() {
  local first=1 p
  : > "$WORK/$1.curlrc"
  while read -r p; do
    ((first)) || echo next >> "$WORK/$1.curlrc"
    first=0
    printf 'url = "%s%s"\noutput = "/dev/null"\nsilent\nwrite-out = "%%{http_code}\\t%%header{x-cache}\\t%%{time_total}\\n"\n' \
      "$URL" "$p" >> "$WORK/$1.curlrc"
  done
}
fetch() { # NAME PARALLEL -> $WORK/NAME.out
  curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max "$2" -K "$WORK/$1.curlrc" > "$WORK/$1.out" || true
}

# wrk output -> "rps p50_ms p99_ms non2xx socket_errors"
wrkparse() {
  awk 'function ms(s) { if (s ~ /us$/) return s / 1000; if (s ~ /ms$/) return s + 0; if (s ~ /m$/) return s * 60000
                        if (s ~ /s$/) return s * 1000; return s + 0 }
       /Requests\/sec/ { rps = $2 }
       $1 == "50%" { p50 = ms($2) }
       $1 == "99%" { p99 = ms($2) }
       /Non-2xx or 3xx responses/ { bad = $NF }
       /Socket errors/ { gsub(/,/, ""); se = $4 + $6 + $8 + $10 }
       END { printf "%.2f %.2f %.2f %d %d\n", rps, p50, p99, bad, se }' "$1"
}

# vipsthumbnail part of thumbs.sh (same commands): SET SCALE -> its TSV lines
vips_thumbs() {
  local files r k i t0 t1 pids
  case $1 in
    baseline)    files=(photo-kleiber-20mp.jpg photo-kleiber-12mp.jpg photo-mosaic-16mp.jpg) ;;
    progressive) files=(photo-infinitesea-17mp.jpg scan-elephants-18mp.jpg render-volna-15mp.jpg render-rhythm-9mp.jpg) ;;
  esac
  r=$(python3 -c "import math; print(max(1, math.ceil(20 * $2)))")
  local list=()
  for ((i = 0; i < r; i++)); do for f in "${files[@]}"; do list+=("$CORPUS/$f"); done; done
  mkdir -p "$WORK/vips"
  printf 'engine\tworkers\timages\tseconds\timg_per_s\tpeak_rss_kb\n'
  for k in 1 2; do
    pids=()
    t0=$(now)
    for ((i = 1; i <= k; i++)); do
      VIPS_CONCURRENCY=1 vipsthumbnail --vips-cache-max=0 "${list[@]}" -s 300x -o "$WORK/vips/%s_v.jpg[Q=80]" >/dev/null & pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    t1=$(now)
    awk -v k="$k" -v n="$((k * ${#list[@]}))" -v t0="$t0" -v t1="$t1" \
      'BEGIN { printf "vipsthumbnail\t%dT\t%d\t%.2f\t%.2f\t-\n", k, n, t1 - t0, n / (t1 - t0) }'
  done
  rm -rf "$WORK/vips"
}

# --- results table ---------------------------------------------------------------------------------------------
ROWS=()
MISSED=0
row() { # benchmark picbed baseline ratio goal met
  ROWS+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s' "$@")")
  [[ $6 == no ]] && MISSED=$((MISSED + 1))
  return 0
}
calc() { awk "BEGIN { print $* }"; }
yesno() { awk "BEGIN { print (($*) ? \"yes\" : \"no\") }"; }

# --- hot URL (P1, P6) ------------------------------------------------------------------------------------------
HOT_URL=""
ensure_hot() {
  local i x
  if [[ -z $HOT_URL ]]; then
    say "uploading serve-30k.jpg for the hot URL"
    HOT_ID=$(upload "$CORPUS/serve-30k.jpg") || exit 2
    HOT_URL="$URL/i/$HOT_ID/large.jpg"
  fi
  for i in 1 2 3 4 5; do
    x=$(curl -s -o "$WORK/hot.jpg" -D - "$HOT_URL" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')
    [[ $x == HIT ]] && ((i >= 3 || HOT_ADMITTED)) && break
  done
  [[ $x == HIT ]] || die "$HOT_URL: X-Cache is '$x' after $i requests, not HIT (hot cache admission)"
  HOT_ADMITTED=1
  HOT_BYTES=$(stat -c %s "$WORK/hot.jpg")
}
HOT_ADMITTED=0
P1_P99=""

# --- P1: hot hit ---------------------------------------------------------------------------------------------
if want P1; then
  ensure_hot
  say "P1: hot URL $HOT_URL ($HOT_BYTES bytes, X-Cache: HIT); baselines: $BENCH/serve.sh (~$((5 * (SECS + 3))) s)"
  "$BENCH/serve.sh" "$WORK/hot.jpg" "$SECS" "$CONNS" > "$WORK/serve.out" 2> "$WORK/serve.err" || { cat "$WORK/serve.err" >&2; die "serve.sh failed"; }
  sed 's/^/P1 baseline\t/' "$WORK/serve.out"
  read -r NG_RPS NG_P99 < <(awk -F'\t' '$1 ~ /^nginx/ { print $2, $5 }' "$WORK/serve.out")
  [[ -n ${NG_RPS:-} ]] || die "no nginx line in serve.sh output"
  NG_P99=$(printf '     99%%  %s\n' "$NG_P99" | wrkparse /dev/stdin | awk '{ print $3 }')   # wrk units -> ms
  UT_RPS=$(awk -F'\t' '$1 == "java undertow (bytes in memory)" { print $2 }' "$WORK/serve.out")

  say "P1: picbed hot hit: wrk -t2 -c$CONNS warm-up (<= $HOT_WARMUP s) + ${SECS} s"
  # a fresh WildFly needs tens of seconds of this load before the JIT has compiled the hit path (2.8k -> 20k+
  # req/s over 40 s seen on 2 cores): warm up in 3 s rounds, at least 15 s, until a round is not 10 % better
  # than the best before it (at most HOT_WARMUP s)
  WARM_LOG="" best=0 waited=0
  while ((waited < HOT_WARMUP)); do
    wrk -t2 -c"$CONNS" -d3s "$HOT_URL" > "$WORK/warm.wrk"
    waited=$((waited + 3))
    read -r rps _ < <(wrkparse "$WORK/warm.wrk")
    WARM_LOG+="${rps%.*} "
    if ((waited >= 15)) && [[ $(yesno "$rps < 1.1 * $best") == yes ]]; then break; fi
    [[ $(yesno "$rps > $best") == yes ]] && best=$rps
  done
  say "P1: warm-up req/s per 3 s round: $WARM_LOG"
  c0=$(ticks "$JAVA_PID"); t0=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/wrk.time" wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$HOT_URL" > "$WORK/p1.wrk"
  t1=$(now); c1=$(ticks "$JAVA_PID")
  read -r P1_RPS P1_P50 P1_P99 P1_BAD P1_SE < <(wrkparse "$WORK/p1.wrk")
  CLK=$(getconf CLK_TCK)
  read -r WU WS < "$WORK/wrk.time"
  CPU_LINE=$(awk -v ncpu="$(nproc)" -v c="$((c1 - c0))" -v clk="$CLK" -v t0="$t0" -v t1="$t1" -v wu="$WU" -v ws="$WS" \
    -v rps="$P1_RPS" 'BEGIN { w = t1 - t0; printf "cores_busy: wildfly=%.2f wrk=%.2f (of %d)\twildfly_cpu_us/req=%.0f", c / clk / w, (wu + ws) / w, ncpu, 1e6 * c / clk / (rps * w) }')
  printf 'P1 picbed\tpicbed hot hit (IO thread)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\tsocket_errors=%s\t%s\n' \
    "$P1_RPS" "$P1_P50" "$P1_P99" "$P1_BAD" "$P1_SE" "$CPU_LINE"
  ((P1_BAD == 0)) || say "P1: $P1_BAD non-2xx responses"
  P99_GOAL=$(calc "($NG_P99 * 2 > 25) ? $NG_P99 * 2 : 25")
  row "P1 hot hit 32KB req/s" "$P1_RPS" "nginx $NG_RPS" "$(calc "sprintf(\"%.2fx\", $P1_RPS / $NG_RPS)")" ">= 1.0x" \
    "$(yesno "$P1_RPS >= $NG_RPS && $P1_BAD == 0")"
  row "P1 hot hit p99 ms" "$P1_P99" "nginx $NG_P99" "$(calc "sprintf(\"%.2fx\", $P1_P99 / ($NG_P99 > 0 ? $NG_P99 : 0.01))")" \
    "<= $P99_GOAL (max(2x nginx, 25))" "$(yesno "$P1_P99 <= $P99_GOAL")"
  row "P1 non-2xx" "$P1_BAD" "-" "-" "0" "$(yesno "$P1_BAD == 0")"

  if ((SERVLET_SECS > 0)); then
    # the hits that used to reach the servlet: a query string (a page's cache buster) and a revalidation (304)
    # are now answered before it; an auto URL for a client without WebP/AVIF still takes the servlet (context)
    ETAG=$(curl -s -o /dev/null -D - "$HOT_URL" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
    x=$(curl -s -o /dev/null -D - "$HOT_URL?x=1" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')
    nm=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$HOT_URL")
    say "P1: hit with a query string (?x=1, X-Cache: $x), revalidation (If-None-Match: $nm), a servlet hit: 2 s warm-up + ${SERVLET_SECS} s each"
    wrk -t2 -c"$CONNS" -d2s "$HOT_URL?x=1" > /dev/null
    wrk -t2 -c"$CONNS" -d"${SERVLET_SECS}s" --latency "$HOT_URL?x=1" > "$WORK/p1s.wrk"
    read -r S_RPS S_P50 S_P99 S_BAD S_SE < <(wrkparse "$WORK/p1s.wrk")
    printf 'P1 picbed\tpicbed hot hit with a query string (?x=1, X-Cache: %s)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\tsocket_errors=%s\n' \
      "$x" "$S_RPS" "$S_P50" "$S_P99" "$S_BAD" "$S_SE"
    row "P1 hot hit with a query string req/s" "$S_RPS" "nginx $NG_RPS" "$(calc "sprintf(\"%.2fx\", $S_RPS / $NG_RPS)")" ">= 0.5x" \
      "$(yesno "$S_RPS >= 0.5 * $NG_RPS && $S_BAD == 0")"
    wrk -t2 -c"$CONNS" -d2s -H "If-None-Match: $ETAG" "$HOT_URL" > /dev/null
    wrk -t2 -c"$CONNS" -d"${SERVLET_SECS}s" --latency -H "If-None-Match: $ETAG" "$HOT_URL" > "$WORK/p1r.wrk"
    read -r R_RPS R_P50 R_P99 R_BAD R_SE < <(wrkparse "$WORK/p1r.wrk")
    printf 'P1 picbed\tpicbed revalidation (If-None-Match, %s)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\tsocket_errors=%s\n' \
      "$nm" "$R_RPS" "$R_P50" "$R_P99" "$R_BAD" "$R_SE"
    # wrk counts 304 as non-2xx: the check is that every answer was one (no socket errors, the status seen above)
    row "P1 304 revalidation req/s" "$R_RPS" "IO hit $P1_RPS" "$(calc "sprintf(\"%.2fx\", $R_RPS / $P1_RPS)")" ">= 1.0x" \
      "$(yesno "$R_RPS >= $P1_RPS && $nm == 304")"
    # a hot hit the servlet answers: large.auto for a client without WebP/AVIF (the source decides the format,
    # so the IO thread leaves it to the servlet; it resolves to the same variant as large.jpg)
    AUTO_URL=${HOT_URL%.jpg}.auto
    x=$(curl -s -o /dev/null -D - -H 'Accept: image/jpeg' "$AUTO_URL" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')
    wrk -t2 -c"$CONNS" -d2s -H 'Accept: image/jpeg' "$AUTO_URL" > /dev/null
    wrk -t2 -c"$CONNS" -d"${SERVLET_SECS}s" --latency -H 'Accept: image/jpeg' "$AUTO_URL" > "$WORK/p1h.wrk"
    read -r H_RPS H_P50 H_P99 H_BAD H_SE < <(wrkparse "$WORK/p1h.wrk")
    printf 'P1 picbed\tpicbed hot hit through the servlet (large.auto, Accept: image/jpeg, X-Cache: %s)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\tsocket_errors=%s\n' \
      "$x" "$H_RPS" "$H_P50" "$H_P99" "$H_BAD" "$H_SE"
    row "P1 context: hot hit via servlet req/s" "$H_RPS" "nginx $NG_RPS" "$(calc "sprintf(\"%.2fx\", $H_RPS / $NG_RPS)")" "(context)" "-"
  fi
  [[ -z $UT_RPS ]] || row "P1 context: bare Undertow IO req/s" "$P1_RPS" "undertow $UT_RPS" \
    "$(calc "sprintf(\"%.2fx\", $P1_RPS / $UT_RPS)")" "(context)" "-"
fi

# --- P3 / P4: cold 300 px thumbnails -------------------------------------------------------------------------
WARMED=0
cold_thumbs() { # P3|P4 SET SCALE N FILES...
  local tag=$1 set=$2 scale=$3 n=$4 ids=() f i id r0 full=0 vips2 ok bad t0 t1 ips
  shift 4
  case $THUMBS_FULL in all|"$set") full=1 ;; esac
  if ((full)); then
    say "$tag: baseline SET=$set $BENCH/thumbs.sh $CORPUS $scale (vipsthumbnail and the Java baselines)"
    SET=$set "$BENCH/thumbs.sh" "$CORPUS" "$scale" > "$WORK/$tag.thumbs" 2> "$WORK/$tag.thumbs.err" \
      || { cat "$WORK/$tag.thumbs.err" >&2; die "thumbs.sh failed"; }
  else
    say "$tag: baseline vipsthumbnail (thumbs.sh's vips part), SET=$set, scale $scale"
    vips_thumbs "$set" "$scale" > "$WORK/$tag.thumbs"
  fi
  sed "s/^/$tag baseline\t/" "$WORK/$tag.thumbs"
  vips2=$(awk -F'\t' '$1 == "vipsthumbnail" && $2 == "2T" { print $5 }' "$WORK/$tag.thumbs")
  [[ -n $vips2 ]] || die "$tag: no vipsthumbnail 2T line"

  say "$tag: uploading ${#@} files and waiting for their eager renders"
  r0=$(metric picbed_variant_renders_total)
  for f in "$@"; do id=$(upload "$CORPUS/$f") || exit 2; ids+=("$id"); done
  wait_eager $((r0 + 2 * ${#ids[@]}))
  if ((WARMED == 0 && WARMUP_RENDERS > 0)); then
    for ((i = 0; i < WARMUP_RENDERS; i++)); do echo "w:280/q:$((60 - i)) ${ids[i % ${#ids[@]}]} jpg"; done | sign | curlrc warm
    fetch warm 2
    WARMED=1
  fi
  for ((i = 0; i < n; i++)); do echo "w:300/q:$((79 - i / ${#ids[@]})) ${ids[i % ${#ids[@]}]} jpg"; done | sign | curlrc "$tag"
  say "$tag: picbed: $n cold w:300 variants, 2 concurrent clients"
  t0=$(now)
  fetch "$tag" 2
  t1=$(now)
  ok=$(awk -F'\t' '$1 == 200 && $2 == "RENDERED"' "$WORK/$tag.out" | wc -l)
  bad=$(awk -F'\t' '!($1 == 200 && $2 == "RENDERED") { print $1 "/" $2 }' "$WORK/$tag.out" | sort | uniq -c | tr '\n' ' ')
  ((ok == n)) || die "$tag: only $ok of $n answers were 200 RENDERED: $bad"
  ips=$(calc "sprintf(\"%.2f\", $n / ($t1 - $t0))")
  printf '%s picbed\tpicbed w:300 cold\t2 clients\t%d\t%.2f\t%s\t%s\n' "$tag" "$n" "$(calc "$t1 - $t0")" "$ips" \
    "$(cut -f3 "$WORK/$tag.out" | sort -g | awk '{ v[NR] = $1 } END { printf "p50=%.0fms\tp99=%.0fms", 1000 * v[int(NR * 0.5 + 0.5)], 1000 * v[int(NR * 0.99 + 0.5)] }')"
  row "$tag cold 300px $set img/s" "$ips" "vips 2T $vips2" "$(calc "sprintf(\"%.2fx\", $ips / $vips2)")" ">= 1.0x" "$(yesno "$ips >= $vips2")"
  local tj
  tj=$(awk -F'\t' '$1 == "java-turbojpeg" && $2 == "2T" { print $5 }' "$WORK/$tag.thumbs")
  [[ -z $tj ]] || row "$tag context: vs java-turbojpeg 2T" "$ips" "tj 2T $tj" "$(calc "sprintf(\"%.2fx\", $ips / $tj)")" "(context)" "-"
  return 0
}
if want P3; then
  cold_thumbs P3 baseline "$SCALE" "$N3" photo-kleiber-20mp.jpg photo-kleiber-12mp.jpg photo-mosaic-16mp.jpg
fi
if want P4; then
  cold_thumbs P4 progressive "$PROG_SCALE" "$N4" photo-infinitesea-17mp.jpg scan-elephants-18mp.jpg \
    render-volna-15mp.jpg render-rhythm-9mp.jpg
fi

# --- P6: burst of cold 24 MP renders under hot load -------------------------------------------------------------
if want P6; then
  ensure_hot
  say "P6: making a 24 MP JPEG (vips resize 1.1 of photo-kleiber-20mp), 3 distinct uploads"
  vips resize "$CORPUS/photo-kleiber-20mp.jpg" "$WORK/p24.jpg[Q=90]" 1.1
  DIMS=$(vipsheader -f width "$WORK/p24.jpg")x$(vipsheader -f height "$WORK/p24.jpg")
  r0=$(metric picbed_variant_renders_total)
  P6_IDS=()
  for i in 1 2 3; do id=$(upload "$WORK/p24.jpg") || exit 2; P6_IDS+=("$id"); done
  wait_eager $((r0 + 6))
  read -r -a WIDTHS <<< "$P6_WIDTHS"
  for ((i = 0; i < BURST; i++)); do echo "w:${WIDTHS[i % ${#WIDTHS[@]}]}/q:$((79 - i)) ${P6_IDS[i % 3]} jpg"; done | sign | curlrc p6
  ensure_hot

  say "P6: quiet control: wrk -t1 -c20 ${P6_QUIET_SECS} s on the hot URL"
  wrk -t1 -c20 -d"${P6_QUIET_SECS}s" --latency "$HOT_URL" > "$WORK/p6q.wrk"
  read -r Q_RPS Q_P50 Q_P99 Q_BAD Q_SE < <(wrkparse "$WORK/p6q.wrk")
  printf 'P6 picbed\thot hit quiet (wrk -t1 -c20)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\n' "$Q_RPS" "$Q_P50" "$Q_P99" "$Q_BAD"

  say "P6: $BURST concurrent cold renders ($DIMS, w: $P6_WIDTHS) under wrk -t1 -c20, sampling the heap"
  HAVE_JSTAT=0
  if command -v jstat >/dev/null; then
    jstat -gc "$JAVA_PID" 200 > "$WORK/jstat.out" 2>&1 & JSTAT_PID=$!; BG_PIDS+=("$JSTAT_PID"); HAVE_JSTAT=1
  fi
  sleep 1
  wrk -t1 -c20 -d600s --latency "$HOT_URL" > "$WORK/p6.wrk" & WRK_PID=$!; BG_PIDS+=("$WRK_PID")
  sleep 1
  r0=$(metric picbed_variant_renders_total); f0=$(metric picbed_variant_render_refused_total)
  LOG_LINES=$(wc -l < "$PICBED_HOME/server/log/server.log" 2>/dev/null || echo 0)
  t0=$(now)
  fetch p6 "$BURST"
  t1=$(now)
  sleep 0.5
  kill -INT "$WRK_PID" 2>/dev/null || true
  wait "$WRK_PID" || true
  ((HAVE_JSTAT)) && { kill "$JSTAT_PID" 2>/dev/null || true; wait "$JSTAT_PID" 2>/dev/null || true; }
  BG_PIDS=()
  r1=$(metric picbed_variant_renders_total); f1=$(metric picbed_variant_render_refused_total)
  read -r B_RPS B_P50 B_P99 B_BAD B_SE < <(wrkparse "$WORK/p6.wrk")
  grep -q "Requests/sec" "$WORK/p6.wrk" || { cat "$WORK/p6.wrk" >&2; die "P6: no wrk result"; }
  RENDERED=$(awk -F'\t' '$1 == 200 && $2 == "RENDERED"' "$WORK/p6.out" | wc -l)
  REFUSED=$(awk -F'\t' '$1 == 503' "$WORK/p6.out" | wc -l)
  ERRORS=$(awk -F'\t' '!($1 == 200 && $2 == "RENDERED") && $1 != 503' "$WORK/p6.out" | wc -l)
  OTHER=$(awk -F'\t' '!($1 == 200 && $2 == "RENDERED") && $1 != 503 { c[$1 "/" ($2 == "" ? "-" : $2)]++ }
    END { for (k in c) printf "%s%dx%s", (n++ ? "," : ""), c[k], k }' "$WORK/p6.out")
  BURST_S=$(calc "sprintf(\"%.2f\", $t1 - $t0)")
  printf 'P6 picbed\tburst\trequests=%d\trendered=%d\t503=%d\tother=%s\twall_s=%s\trenders_counter=+%d\trefused_counter=+%d\t%s\n' \
    "$BURST" "$RENDERED" "$REFUSED" "${OTHER:-0}" "$BURST_S" "$((r1 - r0))" "$((f1 - f0))" \
    "$(awk -F'\t' '$1 == 200 { print $3 }' "$WORK/p6.out" | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "render_p50=%.0fms\trender_max=%.0fms", 1000 * v[int(NR * 0.5 + 0.5)], 1000 * v[NR] }')"
  printf 'P6 picbed\thot hit during burst (wrk -t1 -c20)\t%s\tp50=%sms\tp99=%sms\tnon2xx=%s\tsocket_errors=%s\n' \
    "$B_RPS" "$B_P50" "$B_P99" "$B_BAD" "$B_SE"
  if ((ERRORS > 0)); then
    say "P6: $ERRORS burst answers were neither 200 RENDERED nor 503: $OTHER (server log: $PICBED_HOME/server/log/server.log)"
    tail -n +"$((LOG_LINES + 1))" "$PICBED_HOME/server/log/server.log" 2>/dev/null | grep -h 'UT005023' | tail -n 3 \
      | sed 's/.*UT005023: /  /' | cut -c1-240 >&2 || true
  fi
  HEAP_MB=""
  if ((HAVE_JSTAT)) && grep -q 'EU' "$WORK/jstat.out"; then
    # used = S0U+S1U+EU+OU (KB); "after GC" = used in the first sample after a young/full GC count change
    # (G1 reclaims dead humongous arrays - decoded rasters - at young GCs: closest to the live set)
    read -r HEAP0_MB HEAP_MB HEAPC_MB AFTER_GC_MB YGCS FGCS PAUSE_MS SAMPLES < <(awk '
      $1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
      col["EU"] && $1 ~ /^[0-9]/ {
        u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; c = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]
        g = $col["YGC"] + $col["FGC"]; p = $col["YGCT"] + $col["FGCT"]
        if (!n) { first = u; g0 = g; y0 = $col["YGC"]; f0 = $col["FGC"]; p0 = p }
        else if (g != last_g && u > after) after = u
        n++; last_g = g; if (u > max) max = u; if (c > cmax) cmax = c
        y1 = $col["YGC"]; f1 = $col["FGC"]; p1 = p }
      END { printf "%.0f %.0f %.0f %.0f %d %d %.0f %d\n", first / 1024, max / 1024, cmax / 1024, after / 1024, y1 - y0, f1 - f0, 1000 * (p1 - p0), n }' "$WORK/jstat.out")
    printf 'P6 picbed\theap (jstat -gc 200 ms)\tbefore=%sMB\tpeak_used=%sMB\tpeak_after_gc=%sMB\tpeak_committed=%sMB\tyoung_gcs=%s\tfull_gcs=%s\tgc_pause_ms=%s\tsamples=%s\tmax_heap=%s\n' \
      "$HEAP0_MB" "$HEAP_MB" "$AFTER_GC_MB" "$HEAPC_MB" "$YGCS" "$FGCS" "$PAUSE_MS" "$SAMPLES" \
      "$(tr '\0' '\n' < "/proc/$JAVA_PID/cmdline" 2>/dev/null | grep '^-Xmx' | tail -n 1 || echo '?')"
  else
    say "P6: no heap samples (jstat missing or could not attach: $(head -c 200 "$WORK/jstat.out" 2>/dev/null))"
  fi
  if [[ -n $P1_P99 ]]; then
    G=$(calc "($P1_P99 * 2 > 25) ? $P1_P99 * 2 : 25")
    row "P6 hot p99 ms during burst" "$B_P99" "P1 p99 $P1_P99" "$(calc "sprintf(\"%.2fx\", $B_P99 / ($P1_P99 > 0 ? $P1_P99 : 0.01))")" \
      "<= $G (max(2x P1, 25))" "$(yesno "$B_P99 <= $G && $B_BAD == 0")"
  else
    G=$(calc "($Q_P99 * 2 > 25) ? $Q_P99 * 2 : 25")
    row "P6 hot p99 ms during burst" "$B_P99" "quiet p99 $Q_P99" "$(calc "sprintf(\"%.2fx\", $B_P99 / ($Q_P99 > 0 ? $Q_P99 : 0.01))")" \
      "<= $G (max(2x quiet, 25))" "$(yesno "$B_P99 <= $G && $B_BAD == 0")"
  fi
  row "P6 context: hot p99 vs quiet -c20" "$B_P99" "quiet p99 $Q_P99" "$(calc "sprintf(\"%.2fx\", $B_P99 / ($Q_P99 > 0 ? $Q_P99 : 0.01))")" "(context)" "-"
  row "P6 context: hot req/s during burst" "$B_RPS" "quiet $Q_RPS" "$(calc "sprintf(\"%.2fx\", $B_RPS / $Q_RPS)")" "(context)" "-"
  row "P6 burst 503s (render gate)" "$REFUSED/$BURST" "-" "-" "(allowed)" "-"
  row "P6 burst errors (not 200/503)" "$ERRORS${OTHER:+ ($OTHER)}" "-" "-" "0" "$(yesno "$ERRORS == 0")"
  row "P6 burst rendered / wall s" "$RENDERED in ${BURST_S}s" "-" "-" "(context)" "-"
  if [[ -n $HEAP_MB ]]; then
    row "P6 peak heap used MB" "$HEAP_MB" "before $HEAP0_MB" "-" "< 512" "$(yesno "$HEAP_MB < 512")"
    row "P6 context: peak heap after GC MB" "$AFTER_GC_MB" "-" "-" "(context)" "-"
    row "P6 context: GC in burst (young/full/pause ms)" "$YGCS/$FGCS/$PAUSE_MS" "-" "-" "(context)" "-"
  else
    row "P6 peak heap used MB" "n/a" "-" "-" "< 512" "n/a"
  fi
fi

# --- AVIF vs WebP (P7): bytes, encode time and luma PSNR at the defaults, in-process (FormatBench) ----------
if want P7; then
  say "P7: AVIF vs WebP vs JPEG encoders on corpus photos (ejb-module's FormatBench)"
  CP_FILE=$WORK/ejb.classpath
  if (cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath -pl ejb-module -Dmdep.outputFile="$CP_FILE") >"$WORK/p7-build.log" 2>&1; then
    CP="$ROOT/ejb-module/target/classes:$ROOT/ejb-module/target/test-classes:$(cat "$CP_FILE"):/usr/share/java/turbojpeg.jar"
    PICBED_CORPUS_DIR=$CORPUS java -cp "$CP" org.picbed.variant.render.FormatBench "${P7_ROUNDS:-5}" 2>/dev/null \
      | grep -v '^INFO\|^[A-Z][a-z][a-z] [0-9]' > "$WORK/p7.out" || true
    sed 's/^/P7 picbed\t/' "$WORK/p7.out"
    for w in 300 1200; do
      read -r wb wms wq < <(awk -F'\t' -v w="$w" '$1 == w && $2 == "webp" { print $4, $5, $6 }' "$WORK/p7.out")
      read -r ab ams aq < <(awk -F'\t' -v w="$w" '$1 == w && $2 == "avif" { print $4, $5, $6 }' "$WORK/p7.out")
      if [[ -n ${ab:-} && -n ${wb:-} ]]; then
        row "P7 AVIF vs WebP w:$w bytes" "$ab" "webp $wb" "$(calc "sprintf(\"%.2fx\", $ab / $wb)")" "(context)" "-"
        row "P7 AVIF vs WebP w:$w encode ms" "$ams" "webp $wms" "$(calc "sprintf(\"%.2fx\", $ams / $wms)")" "(context)" "-"
        row "P7 AVIF vs WebP w:$w luma PSNR dB" "$aq" "webp $wq" "$(calc "sprintf(\"%+.2f dB\", $aq - $wq)")" "(context)" "-"
      else
        row "P7 AVIF vs WebP w:$w" "n/a (no libheif binding)" "-" "-" "(context)" "-"
      fi
    done
  else
    tail -n 20 "$WORK/p7-build.log" >&2; row "P7 AVIF vs WebP" "n/a (build failed)" "-" "-" "(context)" "-"
  fi
fi

# --- summary -------------------------------------------------------------------------------------------------------
# the server log: WildFly's, or Payara's domain log (PICBED_SERVER=payara)
DECODER=$(grep -h -o 'decodes JPEG with .*' "$PICBED_HOME"/server/log/server.log* "$PICBED_HOME"/payara/*/logs/server.log* 2>/dev/null \
  | sed 's/]]$//' | tail -n 1 || true)
T_END=$(now)
echo
printf 'benchmark\tpicbed\tbaseline\tratio\tgoal\tmet\n'
printf '%s\n' "${ROWS[@]}"
echo
echo "decoder: ${DECODER:-unknown (no 'decodes JPEG with' line in $PICBED_HOME/server/log)}"
echo "server: $URL (pid $JAVA_PID, $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v a="$T_START" -v b="$T_SERVER" -v c="$T_END" -v m="$MISSED" \
  'BEGIN { printf "run time: %.0f s (server start %.0f s, benchmarks %.0f s); goals missed: %d\n", c - a, b - a, c - b, m }'
if [[ $FAIL_ON_GOAL == 1 ]] && ((MISSED > 0)); then exit 1; fi
exit 0
