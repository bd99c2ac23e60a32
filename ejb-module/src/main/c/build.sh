#!/usr/bin/env bash
# Builds picbed's libheif binding (HEIC/AVIF decode, AVIF encode) into the module's classes, when a C compiler
# and libheif's headers (Debian libheif-dev) are present; otherwise says so and leaves it out: picbed then
# answers .avif with 415 and refuses HEIC/AVIF renders the same way, as it does for WebP without libwebp.
# Usage: build.sh <java home> <output directory>
set -euo pipefail
java_home=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
lib=$out/libpicbed-heif-linux-$(uname -m).so
if ! command -v cc >/dev/null || ! pkg-config --exists libheif 2>/dev/null; then
  echo "picbed: libheif binding not built (needs cc and libheif-dev): no AVIF output, no HEIC/AVIF renders"
  exit 0
fi
if [[ -f $lib && $lib -nt $here/picbed_heif.c ]]; then
  exit 0
fi
mkdir -p "$out"
# shellcheck disable=SC2046
cc -shared -fPIC -O2 -Wall -Werror -I"$java_home/include" -I"$java_home/include/linux" \
  "$here/picbed_heif.c" $(pkg-config --cflags --libs libheif) -o "$lib"
echo "picbed: libheif $(pkg-config --modversion libheif) binding built: $lib"
