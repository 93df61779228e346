#!/usr/bin/env bash
# Installs the Debian packages Almanac needs when they are missing, so that a
# fresh machine with only the Swift toolchain can run `make site` and `make test`.
# Usage: scripts/ensure-deps.sh build|test
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# Building needs libcmark (headers + pkg-config file), zlib for the bundle and libdeflate for
# the search index.
for p in libcmark-dev pkg-config zlib1g-dev libdeflate-dev; do have_pkg "$p" || need+=("$p"); done
if [ "${1:-build}" = test ]; then
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v chromium >/dev/null 2>&1 || have_pkg chromium || need+=(chromium)
  command -v unzip >/dev/null 2>&1 || need+=(unzip)
  # make check-html: vnu.jar runs on Java; the validators go into a Python venv.
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
fi

# The test runner uses node:test options of Node 20 (--test-concurrency); Debian 12's own
# nodejs is 18, so say so plainly instead of failing later with "bad option".
check_node() {
  [ "${1:-build}" = test ] || return 0
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 20 ] && return 0
  echo "error: the JavaScript tests need Node.js 20 or newer, found $(node --version 2>/dev/null || echo none)" >&2
  echo "       (Debian 13 ships Node 20; Debian 12 ships 18: install Node 20 from nodejs.org or NodeSource)" >&2
  exit 2
}

if [ ${#need[@]} -eq 0 ]; then check_node "${1:-build}"; exit 0; fi

echo "Installing missing Debian packages: ${need[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to install ${need[*]}" >&2; exit 2; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
check_node "${1:-build}"
