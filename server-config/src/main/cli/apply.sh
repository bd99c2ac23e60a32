#!/usr/bin/env bash
# Turns a stock WildFly dist into the picbed server: apply.sh <JBOSS_HOME> <mariadb-driver-jar>
# Creates standalone/configuration/picbed.xml (from standalone-full-ha.xml), installs the
# org.mariadb.jdbc module and runs the NN-*.cli scripts in this directory in one embedded CLI.
# Rebuilds picbed.xml from standalone-full-ha.xml on every run; the scripts are idempotent as well.
# PICBED_SERVER_CONFIG=<file in standalone/configuration> (e.g. standalone-full-ha.xml) applies the scripts to that
# existing configuration in place instead (installing into a WildFly you already run: docs/install.md).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <JBOSS_HOME> <mariadb-driver-jar>" >&2
  exit 2
fi
[ -d "$1" ] || { echo "JBOSS_HOME not found: $1" >&2; exit 2; }
JBOSS_HOME=$(cd "$1" && pwd)
DRIVER_JAR=$2
HERE=$(cd "$(dirname "$0")" && pwd)
export JBOSS_HOME

[ -x "$JBOSS_HOME/bin/jboss-cli.sh" ] || { echo "not a WildFly home: $JBOSS_HOME" >&2; exit 2; }
[ -f "$DRIVER_JAR" ] || { echo "driver jar not found: $DRIVER_JAR" >&2; exit 2; }

CFG_DIR=$JBOSS_HOME/standalone/configuration
CONFIG=${PICBED_SERVER_CONFIG:-picbed.xml}
[ -f "$CFG_DIR/$CONFIG" ] || [ "$CONFIG" = picbed.xml ] || { echo "no configuration $CFG_DIR/$CONFIG" >&2; exit 2; }
if [ "$CONFIG" = picbed.xml ]; then
  # Always from the pristine profile: what the scripts say is all there is (a line removed from a script is gone too).
  cp "$CFG_DIR/standalone-full-ha.xml" "$CFG_DIR/picbed.xml"
else
  cp "$CFG_DIR/$CONFIG" "$CFG_DIR/$CONFIG.before-picbed"
fi

MOD_DIR=$JBOSS_HOME/modules/org/mariadb/jdbc/main
if [ ! -f "$MOD_DIR/module.xml" ]; then
  mkdir -p "$MOD_DIR"
  jar=$(basename "$DRIVER_JAR")
  cp "$DRIVER_JAR" "$MOD_DIR/$jar"
  cat > "$MOD_DIR/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.mariadb.jdbc">
    <resources>
        <resource-root path="$jar"/>
    </resources>
    <dependencies>
        <module name="java.logging"/>
        <module name="java.sql"/>
        <module name="java.naming"/>
        <module name="java.management"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML
fi

# libjpeg-turbo's Java binding (Debian libturbojpeg-java, not on Maven Central) as an optional module: with it,
# variants decode JPEGs at reduced scale in native code; without it picbed falls back to ImageIO subsampling.
TJ_JAR=${PICBED_VARIANT_TURBOJPEG_JAR:-/usr/share/java/turbojpeg.jar}
TJ_DIR=$JBOSS_HOME/modules/org/libjpegturbo/turbojpeg/main
if [ -f "$TJ_JAR" ]; then
  mkdir -p "$TJ_DIR"
  cp "$TJ_JAR" "$TJ_DIR/turbojpeg.jar"
  cat > "$TJ_DIR/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.libjpegturbo.turbojpeg">
    <resources>
        <resource-root path="turbojpeg.jar"/>
    </resources>
    <dependencies>
        <module name="java.desktop"/>
    </dependencies>
</module>
XML
  echo "picbed: libjpeg-turbo module installed from $TJ_JAR"
else
  rm -rf "$TJ_DIR"
  echo "picbed: $TJ_JAR not found: JPEG variants decode with ImageIO (apt-get install libturbojpeg-java libturbojpeg0-dev for speed)"
fi

shopt -s nullglob
scripts=("$HERE"/[0-9][0-9]-*.cli)
[ ${#scripts[@]} -gt 0 ] || { echo "no NN-*.cli scripts in $HERE" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "embed-server --server-config=$CONFIG --std-out=discard"
  for s in "${scripts[@]}"; do cat "$s"; echo; done
  echo "stop-embedded-server"
} > "$work/picbed.cli"

echo "picbed: applying ${#scripts[@]} CLI scripts to $CFG_DIR/$CONFIG"
if ! "$JBOSS_HOME/bin/jboss-cli.sh" --file="$work/picbed.cli" > "$work/cli.log" 2>&1; then
  cat "$work/cli.log" >&2
  echo "picbed: CLI FAILED" >&2
  exit 1
fi
echo "picbed: done"
