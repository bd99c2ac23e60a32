#!/usr/bin/env bash
# upload-bench.sh [JPEG] -- upload cost of a ~3 MB JPEG against the SHA-256 floor of its bytes.
#
#   ../shared/bench/setup.sh                        # once (builds the SHA-256 baseline used by hash.sh)
#   it/scripts/upload-bench.sh [path/to/upload-3mb.jpg]
#
# Uploads N (300) distinct copies of JPEG (the file plus 16 random bytes after its EOI, prepared before timing) with
# CLIENTS (16) concurrent connections (one curl --parallel), after WARMUP (1000) uncounted uploads (after only 50, much of
# WildFly's request path still runs interpreted: ~16 vs 9-12 ms per upload; the copies take ~4 GB of temp space). WildFly's CPU
# (utime+stime of its java process, /proc/<pid>/stat) over the timed part / N = CPU ms per upload; wall time gives
# uploads/s and MB/s. Then ../shared/bench/hash.sh measures SHA-256 on the same file (in-memory, 1 thread) and the
# script prints the ratio and the goal: CPU per upload <= 2 x SHA-256 time + 5 ms. The CPU is also split by thread
# kind (/proc/<pid>/task): the JIT compiler threads still spend 2-5 ms per upload after 1,000-5,000 uploads (WildFly
# has ~18,000 compiled methods and keeps finding hot ones), a start-up cost that a long-running server does not pay,
# so "steady" = all threads but the JIT compilers, and both figures are judged against the goal.
#
# JPEG defaults to $PICBED_CORPUS_DIR/upload-3mb.jpg (../shared/corpus/make-corpus.sh DIR; PICBED_CORPUS_DIR
# defaults to ${TMPDIR:-/tmp}/corpus); without it a ~3 MB noisy photo-like JPEG is generated (ImageMagick).
# The server: if PICBED_HOME names a running instance it is used (and left running, with the uploaded blobs);
# otherwise the script starts its own in a temp data dir at PICBED_PORT_OFFSET (700: http 8780) and removes it.
# Environment: N, WARMUP, CLIENTS, MODE (multipart | raw), PICBED_BENCH_DIR (../shared/bench),
#              PROFILE=1 (JFR execution samples during the timed part: top frames; inflates the CPU figure; PROFILE_KEEP=file.jfr keeps the recording),
#              EAGER=1 (the server of its own renders eager presets too; by default it does not, because on 2 cores
#              the thumbnails of the warm-up would overlap the timed uploads: variant-bench measures renders),
#              FAIL_ON_GOAL=1 (exit 1 when the goal is missed).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=${PICBED_BENCH_DIR:-$ROOT/../shared/bench}
N=${N:-300}
WARMUP=${WARMUP:-1000}
CLIENTS=${CLIENTS:-16}
MODE=${MODE:-multipart}
PROFILE=${PROFILE:-0}
EAGER=${EAGER:-0}
CORPUS=${PICBED_CORPUS_DIR:-${TMPDIR:-/tmp}/corpus}
JPEG=${1:-$CORPUS/upload-3mb.jpg}

[[ -x $BENCH/hash.sh && -f $BENCH/java/target/image-baselines-1.jar ]] \
  || { echo "upload-bench: SHA-256 baseline not built; run $BENCH/setup.sh once" >&2; exit 2; }
[[ $MODE == multipart || $MODE == raw ]] || { echo "upload-bench: MODE is multipart or raw" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/picbed-upload-bench.XXXXXX")
OWN_HOME=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $OWN_HOME ]]; then
    (cd "$ROOT" && PICBED_HOME=$OWN_HOME ./picbed stop >/dev/null 2>&1) || true
    rm -rf "$OWN_HOME"
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf 'upload-bench: %s\n' "$*" >&2; }

# --- the file ----------------------------------------------------------------------------------------------
if [[ ! -f $JPEG ]]; then
  [[ $# -eq 0 ]] || { say "no such file: $JPEG"; exit 2; }
  JPEG="$WORK/generated-3mb.jpg"
  say "no $CORPUS/upload-3mb.jpg; generating a noisy photo-like 2600x1800 JPEG q92"
  IM=""
  for c in magick convert-im6.q16 convert; do
    if "$c" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then IM=$c; break; fi
  done
  if [[ -n $IM ]]; then
    "$IM" -size 2600x1800 plasma:fractal -attenuate 0.4 +noise Gaussian -quality 92 "$JPEG"
  else
    say "need ImageMagick (../shared/bench/setup.sh installs it), or pass a JPEG"; exit 2
  fi
fi
JPEG=$(cd "$(dirname "$JPEG")" && pwd)/$(basename "$JPEG")
BYTES=$(stat -c %s "$JPEG")
[[ $(head -c 2 "$JPEG" | od -An -tx1 | tr -d ' ') == ffd8 ]] || { say "$JPEG is not a JPEG"; exit 2; }

# --- the server --------------------------------------------------------------------------------------------
if [[ -n ${PICBED_HOME:-} && -f $PICBED_HOME/run/server.pid ]] && kill -0 "$(cat "$PICBED_HOME/run/server.pid")" 2>/dev/null; then
  say "using the running instance of $PICBED_HOME"
  export PICBED_PORT_OFFSET=${PICBED_PORT_OFFSET:-0}
else
  OWN_HOME=$(mktemp -d "${TMPDIR:-/tmp}/picbed-upload-bench-home.XXXXXX")
  export PICBED_HOME=$OWN_HOME
  export PICBED_PORT_OFFSET=${PICBED_PORT_OFFSET:-700}
  ((EAGER == 1)) || export PICBED_EAGER_PRESETS=none
  say "starting picbed (data dir $PICBED_HOME, http $((8080 + PICBED_PORT_OFFSET)); builds first if needed)"
  if ! (cd "$ROOT" && ./picbed start) > "$WORK/start.log" 2>&1; then
    tail -n 30 "$WORK/start.log" >&2; say "picbed did not start"; exit 2
  fi
fi
URL="http://127.0.0.1:$((8080 + PICBED_PORT_OFFSET))"
KEY=${PICBED_API_KEYS:-}
KEY=${KEY%%,*}
[[ -n $KEY ]] || KEY=$(sed -n 's/^GENERATED_API_KEY=//p' "$PICBED_HOME/secrets.env")
JAVA_PID=$(cat "$PICBED_HOME/run/server.pid")
DB_PID=$(cat "$PICBED_HOME/db/data.pid" 2>/dev/null || true)
S3_PID=$(cat "$PICBED_HOME/run/s3.pid" 2>/dev/null || true)   # the local S3-protocol server, with PICBED_STORAGE=s3
curl -sf -o /dev/null "$URL/api/health" || { say "$URL/api/health is not 200"; exit 2; }

# --- distinct copies and curl configurations (not timed) ---------------------------------------------------
config() { # name first last
  local i f
  : > "$WORK/$1.curlrc"
  for ((i = $2; i <= $3; i++)); do
    f="$WORK/files/$i.jpg"
    { cat "$JPEG"; head -c 16 /dev/urandom; } > "$f"
    ((i == $2)) || echo next >> "$WORK/$1.curlrc"
    {
      printf 'url = "%s/api/images"\nheader = "Authorization: Bearer %s"\nheader = "Expect:"\n' "$URL" "$KEY"
      if [[ $MODE == multipart ]]; then
        printf 'form = "file=@%s;type=image/jpeg"\n' "$f"
      else
        printf 'header = "Content-Type: image/jpeg"\ndata-binary = "@%s"\n' "$f"
      fi
      printf 'output = "/dev/null"\nsilent\nwrite-out = "%%{http_code}\\t%%{time_total}\\n"\n'
    } >> "$WORK/$1.curlrc"
  done
}
mkdir -p "$WORK/files"
say "preparing $((WARMUP + N)) distinct copies of $JPEG ($BYTES bytes)"
config warmup 1 "$WARMUP"
config timed $((WARMUP + 1)) $((WARMUP + N))
sync

upload() { # config -> lines "status<TAB>seconds"
  curl -s --no-progress-meter --parallel --parallel-max "$CLIENTS" -K "$WORK/$1.curlrc" > "$WORK/$1.out" || true
}
ticks() { # pid -> utime+stime in clock ticks
  [[ -n $1 && -r /proc/$1/stat ]] || { echo 0; return; }
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
kind_ticks() { # pid regex -> utime+stime of its threads whose name matches (JIT compiler, GC)
  [[ -n $1 && -d /proc/$1/task ]] || { echo 0; return; }
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v re="$2" '{ name = $0; sub(/^[^(]*\(/, "", name); sub(/\).*$/, "", name)
    rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ") } name ~ re { t += f[12] + f[13] } END { print t + 0 }'
}
JIT_THREADS='^C[12] CompilerThre'
GC_THREADS='^(GC Thread|G1 )'
sys_ticks() { # pid -> stime in clock ticks
  [[ -n $1 && -r /proc/$1/stat ]] || { echo 0; return; }
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $13 }'
}
now() { date +%s.%N; }

say "warm-up: $WARMUP uploads"
upload warmup
bad=$(awk -F'\t' '$1 !~ /^2/' "$WORK/warmup.out" | wc -l)
((bad == 0)) || { say "warm-up: $bad uploads failed: $(cut -f1 "$WORK/warmup.out" | sort | uniq -c | tr '\n' ' ')"; exit 2; }
sleep 2

if [[ $PROFILE == 1 ]]; then
  jcmd "$JAVA_PID" JFR.start name=upload-bench settings=profile filename="$WORK/upload.jfr" > /dev/null
fi
say "timed: $N uploads with $CLIENTS clients ($MODE)"
CLK=$(getconf CLK_TCK)
j0=$(kind_ticks "$JAVA_PID" "$JIT_THREADS"); g0=$(kind_ticks "$JAVA_PID" "$GC_THREADS")
c0=$(ticks "$JAVA_PID"); s0=$(sys_ticks "$JAVA_PID"); d0=$(ticks "$DB_PID"); o0=$(ticks "$S3_PID"); t0=$(now)
upload timed
t1=$(now); c1=$(ticks "$JAVA_PID"); s1=$(sys_ticks "$JAVA_PID"); j1=$(kind_ticks "$JAVA_PID" "$JIT_THREADS"); g1=$(kind_ticks "$JAVA_PID" "$GC_THREADS"); d1=$(ticks "$DB_PID"); o1=$(ticks "$S3_PID")
if [[ $PROFILE == 1 ]]; then
  jcmd "$JAVA_PID" JFR.stop name=upload-bench > /dev/null
fi
# what the uploads set in motion: their eager renders (thumbnails queue empty, render workers idle, the renders
# counter unchanged for a second), so that a backend whose uploads are slower, and overlap more of their renders
# with the timed part, is not compared unfairly; not part of the upload figures above
metric() { curl -s "$URL/api/metrics" | awk -v n="$1" '$1 == n { v = $2 } END { printf "%d\n", (v == "" ? 0 : v) }'; }
settle_deadline=$((SECONDS + 300)); last=-1
while ((SECONDS < settle_deadline)); do
  r=$(metric picbed_variant_renders_total); q=$(metric 'picbed_queue_messages{queue="picbed.thumbnails"}'); busy=$(metric picbed_render_workers_busy)
  [[ $q == 0 && $busy == 0 && $r == "$last" ]] && break
  last=$r; sleep 1
done
t2=$(($(date +%s%N) / 1000000)); t2=$(awk -v ms="$t2" 'BEGIN { printf "%.3f", ms / 1000 - 1 }')   # minus the settled second
c2=$(ticks "$JAVA_PID"); o2=$(ticks "$S3_PID")
ok=$(awk -F'\t' '$1 == 201' "$WORK/timed.out" | wc -l)
((ok == N)) || { say "timed: only $ok of $N uploads were created (201): $(cut -f1 "$WORK/timed.out" | sort | uniq -c | tr '\n' ' ')"; exit 2; }

# --- the SHA-256 floor, right after ------------------------------------------------------------------------
say "SHA-256 baseline: $BENCH/hash.sh"
"$BENCH/hash.sh" "$JPEG" > "$WORK/hash.out"
sed "s/^/baseline\t/" "$WORK/hash.out"
SHA_MBS=$(awk -F'\t' '$1 == "sha256-memory" && $2 == "threads=1" { sub("MB/s=", "", $4); print $4 }' "$WORK/hash.out")
STREAM_MBS=$(awk -F'\t' '$1 == "sha256-stream64k" && $2 == "threads=1" { sub("MB/s=", "", $4); print $4 }' "$WORK/hash.out")
[[ -n $SHA_MBS ]] || { cat "$WORK/hash.out" >&2; say "could not read the SHA-256 baseline"; exit 2; }

# --- results -----------------------------------------------------------------------------------------------
rc=0
LAT=$(cut -f2 "$WORK/timed.out" | sort -g | awk '{ v[NR] = $1 } END { printf "p50_ms=%.0f\tp99_ms=%.0f", 1000 * v[int(NR * 0.5 + 0.5)], 1000 * v[int(NR * 0.99 + 0.5)] }')
awk -v n="$N" -v bytes="$BYTES" -v clk="$CLK" -v c="$((c1 - c0))" -v d="$((d1 - d0))" -v o="$((o1 - o0))" -v c2="$((c2 - c0))" -v o2="$((o2 - o0))" -v t2="$t2" -v sy="$((s1 - s0))" -v jit="$((j1 - j0))" -v gc="$((g1 - g0))" -v eager="$EAGER" -v t0="$t0" -v t1="$t1" \
    -v sha="$SHA_MBS" -v stream="$STREAM_MBS" -v clients="$CLIENTS" -v mode="$MODE" -v file="$(basename "$JPEG")" \
    -v lat="$LAT" -v strict="${FAIL_ON_GOAL:-0}" 'BEGIN {
  wall = t1 - t0
  cpu = 1000 * c / clk / n
  db = 1000 * d / clk / n
  s3 = 1000 * o / clk / n
  sha_ms = bytes / 1e6 / sha * 1000
  goal = 2 * sha_ms + 5
  printf "upload-bench\tfile=%s\tbytes=%d\tuploads=%d\tclients=%d\tmode=%s\n", file, bytes, n, clients, mode
  printf "throughput\tclients=%d\tuploads/s=%.1f\tMB/s=%.0f\twall_s=%.2f\t%s\n", clients, n / wall, n * bytes / wall / 1e6, wall, lat
  printf "server-cpu\twildfly_cpu_ms/upload=%.2f\tuser_ms=%.2f\tsys_ms=%.2f\tmariadb_cpu_ms/upload=%.2f\ts3_server_cpu_ms/upload=%.2f\twildfly_cores_busy=%.2f\n", cpu, 1000 * (c - sy) / clk / n, 1000 * sy / clk / n, db, s3, c / clk / wall
  steady = 1000 * (c - jit) / clk / n
  printf "server-cpu-by-kind\tjit_compiler_ms/upload=%.2f\tgc_ms/upload=%.2f\tother_ms/upload=%.2f\tsteady_ms/upload=%.2f (all but the JIT compiler threads: what a warmed-up server spends)\n", 1000 * jit / clk / n, 1000 * gc / clk / n, 1000 * (c - jit - gc) / clk / n, steady
  if (eager == 1) printf "with-eager-renders\tuploads_done/s=%.1f\twildfly_cpu_ms/upload=%.2f\ts3_server_cpu_ms/upload=%.2f\tsettled_s=%.2f\n", n / (t2 - t0), 1000 * c2 / clk / n, 1000 * o2 / clk / n, t2 - t0
  printf "sha256\tMB/s=%.0f\tsha_ms/file=%.2f\tstream64k_MB/s=%s\n", sha, sha_ms, stream
  printf "result\tcpu_ms_per_upload=%.2f\tsteady_cpu_ms_per_upload=%.2f\tsha_ms_per_file=%.2f\tratio=%.1f\tsteady_ratio=%.1f\tgoal_ms=%.2f\ttotal:%s\tsteady:%s\tuploads/s=%.1f (%d clients)\n", cpu, steady, sha_ms, cpu / sha_ms, steady / sha_ms, goal, (cpu <= goal ? "PASS" : "FAIL"), (steady <= goal ? "PASS" : "FAIL"), n / wall, clients
  exit (strict == 1 && cpu > goal) ? 1 : 0
}' || rc=$?

# --- optional profile ----------------------------------------------------------------------------------------
if [[ $PROFILE == 1 && -f $WORK/upload.jfr ]]; then
  [[ -z ${PROFILE_KEEP:-} ]] || cp "$WORK/upload.jfr" "$PROFILE_KEEP"
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$WORK/upload.jfr" > "$WORK/samples.txt"
  echo "profile: $(grep -c 'jdk.ExecutionSample' "$WORK/samples.txt") execution samples (JFR, timed part)"
  echo "profile: top leaf frames"
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$WORK/samples.txt" \
    | sort | uniq -c | sort -rn | head -n 25
  echo "profile: org.picbed frames (samples with the frame on the stack)"
  awk '/stackTrace = \[/ { delete seen; inside = 1; next }
       inside && /^[ \t]*\]/ { inside = 0; next }
       inside && /org\.picbed\./ { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); if (!seen[f]++) print f }' \
    "$WORK/samples.txt" | sort | uniq -c | sort -rn | head -n 25
fi
exit "$rc"
