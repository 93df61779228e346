#!/usr/bin/env bash
# Fails unless the binary asks the dynamic loader only for libraries a Debian system without the
# Swift toolchain has once libcmark is installed: libcmark, glibc's (libc, libm, libdl,
# libpthread, librt, libutil, the loader), libstdc++ and libgcc_s (apt depends on them) and zlib
# (dpkg pre-depends on it). Tests/AlmanacTests/CLI/DistTarballTests.swift holds the same list.
# Usage: scripts/dist/check-needed.sh BINARY
set -euo pipefail
binary=${1:?usage: check-needed.sh BINARY}
allowed='^(libcmark\.so\..*|libz\.so\.1|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libutil\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1)$'
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || { echo "error: $binary: no NEEDED entries (is it a dynamic ELF binary?)" >&2; exit 1; }
extra=$(printf '%s\n' "$needed" | grep -Ev "$allowed" || true)
if [ -n "$extra" ]; then
  echo "error: $binary needs libraries a machine without the Swift toolchain may lack:" >&2
  printf '  %s\n' $extra >&2
  exit 1
fi
echo "$binary needs only: $(printf '%s ' $needed)"
