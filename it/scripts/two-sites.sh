# Sourced by the two-site benchmarks: a temp data dir (removed on exit unless KEEP=1), fresh API key and admin
# password, the sites' URLs (bj at PICBED_PORT_OFFSET, default 1300, sh at +100) and `launcher` = ./picbed for them.
# Set BENCH_NAME before sourcing.
OFFSET=${PICBED_PORT_OFFSET:-1300}
HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/picbed-$BENCH_NAME.XXXXXX")
KEY="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
ADMIN_PW="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
BJ=http://127.0.0.1:$((8080 + OFFSET))
SH=http://127.0.0.1:$((8180 + OFFSET))

launcher() {
  env -u PICBED_SITE -u PICBED_PEERS PICBED_HOME="$HOME_DIR" PICBED_PORT_OFFSET="$OFFSET" PICBED_API_KEYS="$KEY" \
    PICBED_ADMIN_PASSWORD="$ADMIN_PW" "$ROOT/picbed" "$@"
}
cleanup() {
  launcher stop >/dev/null 2>&1 || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "data kept in $HOME_DIR"; else rm -rf "$HOME_DIR"; fi
}
trap cleanup EXIT
