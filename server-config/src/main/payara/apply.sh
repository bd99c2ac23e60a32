#!/usr/bin/env bash
# Turns a stock Payara Server 6 into the picbed server:
#   apply.sh <PAYARA_HOME> <domain> <libs dir> <artemis-ra.rar>
# (twin of ../cli/apply.sh for WildFly). server-config/pom.xml provides the inputs: target/payara,
# target/payara-libs (Hibernate ORM, Infinispan, the MariaDB driver and their dependencies) and
# target/artemis-ra.rar.
#
# Like the WildFly script it always starts from a pristine configuration: the domain is deleted (it must be stopped)
# and created again, then the server libraries are added, the Artemis adapter deployed and the NN-*.asadmin files in
# this directory run (asadmin multimode) against the running domain, which is stopped at the end.
# Nothing site-specific is written: the database and broker addresses and credentials are ${ENV=PICBED_*}
# references resolved by Payara from the environment of `asadmin start-domain <domain>` (see the .asadmin files):
#   PICBED_DB_URL PICBED_DB_USER PICBED_DB_PASSWORD
#   PICBED_ARTEMIS_HOST PICBED_ARTEMIS_PORT PICBED_ARTEMIS_USER PICBED_ARTEMIS_PASSWORD
#
# Ports: Payara's defaults shifted by PICBED_PORT_OFFSET (default 0; 200 gives HTTP 8280 and admin 5048), written
# into domain.xml at creation (like jboss.socket.binding.port-offset, but fixed per domain).
# The domain's admin user is PICBED_ADMIN_USER (default admin) with PICBED_ADMIN_PASSWORD: it logs in to the admin
# console, asadmin and the JMX connector (./picbed purge). Without PICBED_ADMIN_PASSWORD the domain has no admin
# password, which Payara accepts for local administration only.
# PICBED_PAYARA_DOMAINS_DIR: where the domain lives (default <PAYARA_HOME>/glassfish/domains; ./picbed uses its data dir).
# PICBED_PAYARA_EXISTING_DOMAIN=true: configure a domain you already run (docs/install.md) instead of rebuilding it:
# it is started if it is stopped, libraries and the adapter are added only where missing, the scripts run only if
# the domain has no picbed pool yet (so a second run changes nothing), and the domain is restarted at the end so
# that its new JVM option and JMS settings take effect. Its ports stay as they are (PICBED_PORT_OFFSET is ignored).
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 <PAYARA_HOME> <domain> <libs dir> <artemis-ra.rar>" >&2
  exit 2
fi
[ -x "$1/bin/asadmin" ] || { echo "not a Payara home: $1" >&2; exit 2; }
PAYARA_HOME=$(cd "$1" && pwd)
DOMAIN=$2
LIBS=$3
RAR=$4
HERE=$(cd "$(dirname "$0")" && pwd)
[ -d "$LIBS" ] || { echo "libs dir not found: $LIBS" >&2; exit 2; }
[ -f "$RAR" ] || { echo "rar not found: $RAR" >&2; exit 2; }
case $DOMAIN in (*[!A-Za-z0-9_.-]*|'') echo "bad domain name: $DOMAIN" >&2; exit 2;; esac

OFF=${PICBED_PORT_OFFSET:-0}
ADMIN_PORT=$((4848 + OFF))
DOMAINS_DIR=${PICBED_PAYARA_DOMAINS_DIR:-$PAYARA_HOME/glassfish/domains}
mkdir -p "$DOMAINS_DIR"
DOMAINS_DIR=$(cd "$DOMAINS_DIR" && pwd)
ADMIN_USER=${PICBED_ADMIN_USER:-admin}

shopt -s nullglob
scripts=("$HERE"/[0-9][0-9]-*.asadmin)
libs=("$LIBS"/*.jar)
# libjpeg-turbo's Java binding (Debian libturbojpeg-java, not on Maven Central), optional as on WildFly (there a
# module): with it, variants decode JPEGs at reduced scale in native code; without it picbed falls back to ImageIO.
TJ_JAR=${PICBED_VARIANT_TURBOJPEG_JAR:-/usr/share/java/turbojpeg.jar}
if [ -f "$TJ_JAR" ]; then
  libs+=("$TJ_JAR")
  echo "picbed: libjpeg-turbo binding from $TJ_JAR becomes a server library"
else
  echo "picbed: $TJ_JAR not found: JPEG variants decode with ImageIO (apt-get install libturbojpeg-java libturbojpeg0-dev for speed)"
fi
[ ${#scripts[@]} -gt 0 ] || { echo "no NN-*.asadmin files in $HERE" >&2; exit 2; }
[ ${#libs[@]} -gt 0 ] || { echo "no jars in $LIBS" >&2; exit 2; }

work=$(mktemp -d)
started=
if [ -n "${PICBED_ADMIN_PASSWORD:-}" ]; then
  printf 'AS_ADMIN_PASSWORD=%s\n' "$PICBED_ADMIN_PASSWORD" > "$work/password" && chmod 600 "$work/password"
  ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false --user "$ADMIN_USER" --passwordfile "$work/password")
  CREATE_AUTH=()
else
  ASADMIN=("$PAYARA_HOME/bin/asadmin" --interactive=false)
  CREATE_AUTH=(--nopassword)
fi
cleanup() {
  if [ -n "$started" ]; then "${ASADMIN[@]}" stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > /dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Runs asadmin, keeps its output in the log; fails on any failed command (multimode itself always exits 0).
run() {
  if ! "${ASADMIN[@]}" --port "$ADMIN_PORT" "$@" > "$work/out" 2>&1 || grep -q -E "^Command .* failed|remote failure" "$work/out"; then
    cat "$work/out" >&2
    echo "picbed: asadmin $1 FAILED" >&2
    exit 1
  fi
  cat "$work/out" >> "$work/asadmin.log"
}

if [ "${PICBED_PAYARA_EXISTING_DOMAIN:-false}" = true ]; then
  [ -d "$DOMAINS_DIR/$DOMAIN" ] || { echo "no domain $DOMAIN in $DOMAINS_DIR" >&2; exit 2; }
  ADMIN_PORT=$(sed -n -E 's/.*<network-listener[^>]*name="admin-listener"[^>]*port="([0-9]+)".*/\1/p; s/.*<network-listener[^>]*port="([0-9]+)"[^>]*name="admin-listener".*/\1/p' \
    "$DOMAINS_DIR/$DOMAIN/config/domain.xml" | head -n 1)
  ADMIN_PORT=${ADMIN_PORT:-4848}
  was_running=
  if "${ASADMIN[@]}" --port "$ADMIN_PORT" uptime > /dev/null 2>&1; then was_running=yes; else
    echo "picbed: starting domain $DOMAIN"
    "${ASADMIN[@]}" start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
    started=yes
  fi
  lib_dir="$DOMAINS_DIR/$DOMAIN/lib"
  missing=()
  for jar in "${libs[@]}"; do [ -f "$lib_dir/$(basename "$jar")" ] || missing+=("$jar"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "picbed: adding ${#missing[@]} server libraries from $LIBS"
    run add-library --type common "${missing[@]}"
  fi
  if ! "${ASADMIN[@]}" --port "$ADMIN_PORT" list-applications --type rar 2>/dev/null | grep -q '^artemis-ra '; then
    echo "picbed: deploying $RAR as artemis-ra"
    run deploy --type rar --name artemis-ra "$RAR"
  fi
  if "${ASADMIN[@]}" --port "$ADMIN_PORT" list-jdbc-connection-pools 2>/dev/null | grep -q '^picbed-pool$'; then
    echo "picbed: domain $DOMAIN already has picbed's resources; scripts not run again"
  else
    for s in "${scripts[@]}"; do
      echo "picbed: applying $(basename "$s")"
      run multimode --file "$s"
    done
  fi
  if [ -n "$was_running" ]; then
    echo "picbed: restarting domain $DOMAIN"
    "${ASADMIN[@]}" restart-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  else
    "${ASADMIN[@]}" stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > /dev/null 2>&1
    started=
  fi
  echo "picbed: done"
  exit 0
fi

if [ -d "$DOMAINS_DIR/$DOMAIN" ]; then
  echo "picbed: deleting domain $DOMAIN (it is rebuilt from scratch)"
  "${ASADMIN[@]}" delete-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > "$work/out" 2>&1 || { cat "$work/out" >&2; echo "picbed: is $DOMAIN still running?" >&2; exit 1; }
fi

echo "picbed: creating domain $DOMAIN (port offset $OFF: admin $ADMIN_PORT, http $((8080 + OFF)))"
props="domain.adminPort=$ADMIN_PORT:domain.instancePort=$((8080 + OFF)):http.ssl.port=$((8181 + OFF))"
props+=":java.debugger.port=$((9009 + OFF)):jms.port=$((7676 + OFF)):orb.listener.port=$((3700 + OFF))"
props+=":orb.ssl.port=$((3820 + OFF)):orb.mutualauth.port=$((3920 + OFF)):osgi.shell.telnet.port=$((6666 + OFF))"
props+=":domain.jmxPort=$((8686 + OFF))"
"${ASADMIN[@]}" create-domain --domaindir "$DOMAINS_DIR" "${CREATE_AUTH[@]}" --domainproperties "$props" "$DOMAIN" > "$work/out" 2>&1 \
  || { cat "$work/out" >&2; exit 1; }
# Hazelcast (Payara's data grid, unused by picbed) has no create-domain property: shift its ports in domain.xml.
sed -i -E "s/start-port=\"5900\" das-port=\"4900\"/start-port=\"$((5900 + OFF))\" das-port=\"$((4900 + OFF))\"/" \
  "$DOMAINS_DIR/$DOMAIN/config/domain.xml"

"${ASADMIN[@]}" start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
started=yes

# Server libraries (common class loader, domain lib/): visible to every application, not packaged in the EAR.
echo "picbed: adding ${#libs[@]} server libraries from $LIBS"
run add-library --type common "${libs[@]}"

# The Artemis resource adapter, as connector module "artemis-ra" (the name MDBs refer to).
echo "picbed: deploying $RAR as artemis-ra"
run deploy --type rar --name artemis-ra "$RAR"

for s in "${scripts[@]}"; do
  echo "picbed: applying $(basename "$s")"
  run multimode --file "$s"
done

"${ASADMIN[@]}" stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN" > /dev/null 2>&1
started=
echo "picbed: done (start with: PICBED_...=... $PAYARA_HOME/bin/asadmin start-domain --domaindir $DOMAINS_DIR $DOMAIN)"
