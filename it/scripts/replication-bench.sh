#!/usr/bin/env bash
# replication-bench.sh -- replication lag between two sites on loopback: upload at bj, readable at sh.
#
#   it/scripts/replication-bench.sh          # ~5 min on 2 cores, starting both sites included
#
# Starts two complete sites with the launcher (./picbed start --sites bj,sh) in a temp data dir at
# PICBED_PORT_OFFSET (1300: bj http 9380, sh http 9480), then ReplicationBench.java uploads a 1024x768 JPEG
# (+16 random bytes each, so every upload is a new image) at RATE per second for SECS seconds to bj (after a warm-up of
# 100 at 10/s) and polls sh's
# metadata API (which never asks a peer, so read repair cannot help) every 25 ms for every 4th acknowledged upload
# (polling all of them would load sh more than replication does).
# Lag = sh has it - bj acknowledged it. Prints p50/p90/p99/max, sh's own view (/api/admin/sites: lag from the
# upload's commit time at bj to the replica's commit at sh, last minute = pass 2), then stops the sites and removes
# the data dir. Two passes: pass 1 right after the warm-up, pass 2 on the same sites once the JIT is warm.
# Goal (issue 5): p99 < 2 s at 20 uploads/s for 60 s.
# Environment: RATE (20), SECS (60), PICBED_PORT_OFFSET (1300), KEEP=1 keeps the data dir.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RATE=${RATE:-20}
SECS=${SECS:-60}
BENCH_NAME=repl-bench
# shellcheck source=two-sites.sh
source "$ROOT/it/scripts/two-sites.sh"

echo "== starting two sites (bj $BJ, sh $SH)"
launcher start --sites bj,sh > "$HOME_DIR/start.log" 2>&1 || { tail -n 40 "$HOME_DIR/start.log"; exit 1; }
echo "== warm-up: 100 uploads at bj (10/s), until sh has them (the bridge is connected, the JIT warm)"
java -Dsample=1 "$ROOT/it/scripts/ReplicationBench.java" "$BJ" "$SH" "$KEY" 10 10 | grep -E "RESULT|uploads"
sample() {   # every 5 s: bj's backlog for sh, sh's replication and thumbnails queues
  while sleep 5; do
    printf 'sample: bj outbound %s | sh %s\n' \
      "$(curl -s "$BJ/api/metrics" | grep -E "^picbed_site_peer_pending_messages" | cut -d" " -f2 | cut -d. -f1)" \
      "$(curl -s "$SH/api/metrics" | grep -E '^picbed_queue_messages\{queue="picbed\.(replication|thumbnails)"' | sed -E 's/.*queue="picbed\.([a-z]+)"\} /\1=/' | tr '\n' ' ')"
  done
}
sample & SAMPLER=$!
for pass in 1 2; do   # 1: just after start (the JIT still compiling on 2 cores), 2: the same sites, warm
  echo "== pass $pass: $RATE uploads/s for $SECS s at bj, polled at sh"
  java "$ROOT/it/scripts/ReplicationBench.java" "$BJ" "$SH" "$KEY" "$RATE" "$SECS"
  sleep 5
done
kill $SAMPLER 2>/dev/null || true
echo "== sh's view of bj (server side, last minute: upload commit at bj -> replica committed at sh)"
curl -s -u "admin:$ADMIN_PW" "$SH/api/admin/sites"; echo
echo "== bj's view of sh"
curl -s -u "admin:$ADMIN_PW" "$BJ/api/admin/sites"; echo
