#!/usr/bin/env bash
# The benchmark: builds synthetic Russian sites of 1,000 / 10,000 (/ 50,000) pages with
# almanac — and with Hugo (+ Pagefind) when they are installed — and reports median wall
# time, time per page, CPU time, peak memory and output sizes as a Markdown table on stdout.
# Raw measurements and logs go to bench-results/runs/<timestamp>/; the last report is also
# bench-results/latest.md. A slow machine only makes the numbers bigger: nothing here times out.
#
#   BENCH_SIZES="1000 10000"   site sizes in pages (50000 only when listed here)
#   BENCH_RUNS=3               builds per tool and size; the median is reported
#   BENCH_SEED=1               corpus seed
#   BENCH_REBUILD=1            also time rebuilds into the existing output, content unchanged (0: skip)
#   BENCH_BROKEN=3             also build the same pages with this many broken links each, with
#                              --links warn, and report the ratio to the clean build (0: skip)
#   BENCH_HUGO=hugo            Hugo binary to compare with ("none" to skip)
#   BENCH_PAGEFIND=…           Pagefind command (default: pagefind on PATH, else python3 -m pagefind; "none" to skip)
#
# Optional stages run when their scripts exist (see Benchmarks/README.md).
#   node Benchmarks/search-bytes.mjs OUT      search bytes and latency on almanac's output
#   Benchmarks/serve-latency.sh SITE          preview-server latency (or serve-latency.mjs)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
REBUILD=${BENCH_REBUILD:-1}
BROKEN=${BENCH_BROKEN:-3}
SWIFT=${SWIFT:-swift}
RESULTS=$ROOT/bench-results
STAMP=$(date -u +%Y%m%d-%H%M%S)
RUN_DIR=$RESULTS/runs/$STAMP
ALMANAC=$ROOT/.build/release/almanac
CORPUS=$ROOT/.build/release/almanac-corpus
TIME=/usr/bin/time
failed=0

say() { printf '%s\n' "$*" >&2; }
[[ $BROKEN =~ ^[0-9]+$ ]] || { say "bench: BENCH_BROKEN takes a number, not '$BROKEN'"; exit 2; }
for n in $SIZES $RUNS; do
  [[ $n =~ ^[0-9]+$ ]] && [ "$n" -gt 0 ] || { say "bench: BENCH_SIZES and BENCH_RUNS take positive numbers, not '$n'"; exit 2; }
done
[[ $SEED =~ ^[0-9]+$ ]] || { say "bench: BENCH_SEED takes a number, not '$SEED'"; exit 2; }
mkdir -p "$RUN_DIR"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# /usr/bin/time -v gives CPU time and peak memory; Debian's `time` package has it.
ensure_time() {
  [ -x "$TIME" ] && return 0
  say "bench: installing Debian package 'time' for /usr/bin/time -v"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo=sudo || return 1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1; }
  [ -x "$TIME" ]
}
ensure_time || say "bench: /usr/bin/time unavailable: CPU time and peak memory will read n/a"

say "bench: building almanac and almanac-corpus (release)"
if ! $SWIFT build -c release --product almanac >"$RUN_DIR/swift-build.log" 2>&1 \
   || ! $SWIFT build -c release --product almanac-corpus >>"$RUN_DIR/swift-build.log" 2>&1; then
  say "bench: release build failed, see $RUN_DIR/swift-build.log"
  tail -20 "$RUN_DIR/swift-build.log" >&2
  exit 1
fi

PAGEFIND=()
if [ -n "${BENCH_PAGEFIND:-}" ]; then
  [ "$BENCH_PAGEFIND" != none ] && read -r -a PAGEFIND <<<"$BENCH_PAGEFIND"
elif command -v pagefind >/dev/null 2>&1; then PAGEFIND=(pagefind)
elif command -v python3 >/dev/null 2>&1 && python3 -m pagefind --version >/dev/null 2>&1; then PAGEFIND=(python3 -m pagefind)
fi
TIMINGS=()
"$ALMANAC" build --help 2>&1 | grep -q -- '--timings' && TIMINGS=(--timings)
HUGO=${BENCH_HUGO:-hugo}
HAVE_HUGO=0; [ "$HUGO" != none ] && command -v "$HUGO" >/dev/null 2>&1 && HAVE_HUGO=1

# ---- measuring ---------------------------------------------------------------------------

# measure NAME LOG -- command…: runs it once under /usr/bin/time, appends a CSV line to runs.csv.
# Wall time comes from the clock in nanoseconds (time -v rounds to 10 ms).
measure() {
  local name=$1 log=$2; shift 3
  local tfile="$log.time" start end status user=NA sys=NA rss=NA
  start=$(date +%s%N)
  if [ -x "$TIME" ]; then "$TIME" -v -o "$tfile" "$@" >"$log" 2>&1; else "$@" >"$log" 2>&1; fi
  status=$?
  end=$(date +%s%N)
  if [ -s "$tfile" ]; then
    user=$(awk -F': ' '/User time \(seconds\)/ {print $2}' "$tfile")
    sys=$(awk -F': ' '/System time \(seconds\)/ {print $2}' "$tfile")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
  fi
  echo "$name,$(( (end - start) / 1000000 )),$user,$sys,$rss,$status" >>"$RUN_DIR/runs.csv"
  return $status
}

# median of the numbers on stdin ("NA" when there are none)
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "NA"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }

# med NAME COLUMN: median of one column (2 wall ms, 3 user s, 4 sys s, 5 rss KB) over successful runs
med() { awk -F, -v n="$1" -v c="$2" '$1==n && $6==0 && $c!="NA" {print $c}' "$RUN_DIR/runs.csv" | median; }
cpu() { awk -F, -v n="$1" '$1==n && $6==0 && $3!="NA" {print $3+$4}' "$RUN_DIR/runs.csv" | median; }
# fastest wall time: on a shared machine the run least disturbed by others
fastest() { awk -F, -v n="$1" '$1==n && $6==0 {print $2}' "$RUN_DIR/runs.csv" | sort -g | head -1; }
bytes() { if [ -e "$1" ]; then du -sb "$1" | cut -f1; else echo NA; fi; }
# The search index alone: the files under its folder (sizes as written, not disk blocks) without
# the HTML pages that share it (almanac's search page is search/index.html).
index_bytes() { if [ -d "$1" ]; then find "$1" -type f ! -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s+0}'; else echo NA; fi; }
mb() { awk -v b="$1" 'BEGIN { if (b=="NA") print "n/a"; else if (b<1e6) printf "%.0f KB", b/1e3; else printf "%.1f MB", b/1e6 }'; }
secs() { awk -v ms="$1" 'BEGIN { if (ms=="NA") print "n/a"; else printf "%.2f s", ms/1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a=="NA" || b=="NA" || b==0) print "n/a"; else printf "%.2f×", a/b }'; }

# A cold build starts without the output folder and without the staging folder almanac keeps
# beside it (.NAME.staging, from which a rebuild only rewrites changed files).
clean_out() {
  local dir parent name
  dir=$1; parent=$(dirname "$dir"); name=$(basename "$dir")
  rm -rf "$dir" "$parent/.$name.staging" "$parent/.$name.previous"
}

# Per-stage times from `almanac build --timings` ("  load   0.353 с"), as medians over the runs' logs.
stage_medians() {
  local name=$1 stage list=""
  for stage in $(awk '/^ +[a-z][a-z-]* +[0-9.]+ с$/ {print $1}' "$RUN_DIR/$name"-*.log 2>/dev/null | awk '!seen[$0]++'); do
    list+="$stage $(awk -v s="$stage" '$1==s && NF==3 {print $2}' "$RUN_DIR/$name"-*.log | median | awk '{printf "%.2f", $1}') s, "
  done
  echo "${list%, }"
}

ROWS=()        # Markdown table rows
RATIOS=()
BROKEN_RATIOS=()
SCALING=()
EXTRAS=()

# row TOOL PAGES NAME OUT_DIR SEARCH_DIR
row() {
  local tool=$1 pages=$2 name=$3 out=$4 search=$5 ok
  ok=$(awk -F, -v n="$name" '$1==n && $6==0' "$RUN_DIR/runs.csv" | wc -l)
  local wall user_sys rss
  wall=$(med "$name" 2); user_sys=$(cpu "$name"); rss=$(med "$name" 5)
  if [ "$ok" -eq 0 ]; then
    ROWS+=("| $pages | $tool | 0/$RUNS | FAILED, see $(basename "$RUN_DIR")/$name-*.log | | | | | | | |")
    return
  fi
  local per_page pps out_b files search_b
  per_page=$(awk -v ms="$wall" -v p="$pages" 'BEGIN { printf "%.3f", ms/p }')
  pps=$(awk -v ms="$wall" -v p="$pages" 'BEGIN { printf "%.0f", p/(ms/1000) }')
  out_b=$(bytes "$out"); files=$(find "$out" -type f 2>/dev/null | wc -l)
  search_b=NA; [ -n "$search" ] && search_b=$(index_bytes "$search")
  ROWS+=("| $pages | $tool | $ok/$RUNS | $(secs "$wall") (min $(secs "$(fastest "$name")")) | $per_page ms | $pps | $(awk -v s="$user_sys" 'BEGIN { if (s=="NA") print "n/a"; else printf "%.2f s", s }') | $(awk -v k="$rss" 'BEGIN { if (k=="NA") print "n/a"; else printf "%.0f MB", k/1024 }') | $(mb "$out_b") | $files | $(mb "$search_b") |")
}

# ---- the runs ----------------------------------------------------------------------------

echo "tool_size,wall_ms,user_s,sys_s,maxrss_kb,exit" >"$RUN_DIR/runs.csv"
CORPUS_HASH=$(sha256sum "$CORPUS" | cut -c1-16)
declare -A PER_PAGE CPU_PER_PAGE

for N in $SIZES; do
  SITE=$RESULTS/sites/pages-$N
  OUT=$RESULTS/out/almanac-$N
  HOUT=$RESULTS/out/hugo-$N
  want="$CORPUS_HASH pages=$N seed=$SEED"
  if [ "$(cat "$SITE.stamp" 2>/dev/null)" != "$want" ]; then
    say "bench: generating $N pages"
    rm -f "$SITE.stamp"
    start=$(date +%s%N)
    if ! "$CORPUS" --pages "$N" --seed "$SEED" --hugo --output "$SITE" >"$RUN_DIR/corpus-$N.log" 2>&1; then
      say "bench: corpus generation failed for $N pages:"; cat "$RUN_DIR/corpus-$N.log" >&2; failed=1; continue
    fi
    gen_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$want" >"$SITE.stamp"
    EXTRAS+=("- corpus of $N pages generated in $(secs "$gen_ms"): $(cat "$RUN_DIR/corpus-$N.log")")
  fi
  # The theme comes from the repository, fresh each time, so theme changes are measured too.
  rm -rf "$SITE/templates"
  [ -d "$ROOT/templates" ] && cp -R "$ROOT/templates" "$SITE/templates"
  content_b=$(bytes "$SITE/content")

  for r in $(seq 1 "$RUNS"); do
    say "bench: almanac build, $N pages, run $r/$RUNS"
    clean_out "$OUT"
    measure "almanac-$N" "$RUN_DIR/almanac-$N-$r.log" -- "$ALMANAC" build "$SITE" --output "$OUT" --quiet "${TIMINGS[@]}" \
      || { say "bench: almanac build failed (see $RUN_DIR/almanac-$N-$r.log):"; head -20 "$RUN_DIR/almanac-$N-$r.log" >&2; failed=1; }
  done
  row almanac "$N" "almanac-$N" "$OUT" "$OUT/search"
  stages=$(stage_medians "almanac-$N")
  [ -n "$stages" ] && EXTRAS+=("- almanac stages, $N pages (median of --timings): $stages")
  if [ "$REBUILD" != 0 ] && [ -d "$OUT" ]; then
    for r in $(seq 1 "$RUNS"); do
      say "bench: almanac rebuild (unchanged content), $N pages, run $r/$RUNS"
      measure "almanac-rebuild-$N" "$RUN_DIR/almanac-rebuild-$N-$r.log" -- "$ALMANAC" build "$SITE" --output "$OUT" --quiet "${TIMINGS[@]}" \
        || { say "bench: almanac rebuild failed (see $RUN_DIR/almanac-rebuild-$N-$r.log)"; failed=1; }
    done
    row "almanac, rebuild" "$N" "almanac-rebuild-$N" "$OUT" "$OUT/search"
  fi
  # The same pages with broken links, as an imported tree has them: a build that reports many
  # problems must not be slower than a clean one by more than a constant factor.
  if [ "$BROKEN" != 0 ]; then
    BSITE=$RESULTS/sites/pages-$N-broken$BROKEN
    BOUT=$RESULTS/out/almanac-$N-broken
    bwant="$CORPUS_HASH pages=$N seed=$SEED broken=$BROKEN"
    if [ "$(cat "$BSITE.stamp" 2>/dev/null)" != "$bwant" ]; then
      say "bench: generating $N pages with $BROKEN broken links each"
      rm -f "$BSITE.stamp"
      if "$CORPUS" --pages "$N" --seed "$SEED" --broken-links "$BROKEN" --output "$BSITE" >"$RUN_DIR/corpus-$N-broken.log" 2>&1; then
        echo "$bwant" >"$BSITE.stamp"
      else
        say "bench: corpus generation with broken links failed for $N pages"; failed=1
      fi
    fi
    rm -rf "$BSITE/templates"
    [ -d "$ROOT/templates" ] && cp -R "$ROOT/templates" "$BSITE/templates"
    for r in $(seq 1 "$RUNS"); do
      say "bench: almanac build with $BROKEN broken links a page (--links warn), $N pages, run $r/$RUNS"
      clean_out "$BOUT"
      measure "almanac-broken-$N" "$RUN_DIR/almanac-broken-$N-$r.log" -- "$ALMANAC" build "$BSITE" --output "$BOUT" --links warn --quiet \
        || { say "bench: almanac build with broken links failed (see $RUN_DIR/almanac-broken-$N-$r.log)"; failed=1; }
    done
    row "almanac, $BROKEN broken links a page" "$N" "almanac-broken-$N" "$BOUT" "$BOUT/search"
    BROKEN_RATIOS+=("| $N | $(( N * BROKEN )) | $(ratio "$(med "almanac-broken-$N" 2)" "$(med "almanac-$N" 2)") | $(ratio "$(cpu "almanac-broken-$N")" "$(cpu "almanac-$N")") |")
  fi
  a_wall=$(med "almanac-$N" 2)
  PER_PAGE[$N]=$(awk -v ms="$a_wall" -v p="$N" 'BEGIN { if (ms=="NA") print "NA"; else printf "%.3f", ms/p }')
  CPU_PER_PAGE[$N]=$(awk -v s="$(cpu "almanac-$N")" -v p="$N" 'BEGIN { if (s=="NA") print "NA"; else printf "%.6f", s/p }')

  if [ "$HAVE_HUGO" = 1 ]; then
    for r in $(seq 1 "$RUNS"); do
      say "bench: hugo build, $N pages, run $r/$RUNS"
      rm -rf "$HOUT"
      measure "hugo-$N" "$RUN_DIR/hugo-$N-$r.log" -- "$HUGO" --source "$SITE" --destination "$HOUT" --quiet --noBuildLock \
        || say "bench: hugo failed (see $RUN_DIR/hugo-$N-$r.log)"
    done
    row hugo "$N" "hugo-$N" "$HOUT" ""
    h_wall=$(med "hugo-$N" 2)
    line="| $N | $(ratio "$a_wall" "$h_wall") | $(ratio "$(med "almanac-$N" 5)" "$(med "hugo-$N" 5)") | $(ratio "$(cpu "almanac-$N")" "$(cpu "hugo-$N")")"
    if [ ${#PAGEFIND[@]} -gt 0 ] && [ -d "$HOUT" ]; then
      for r in $(seq 1 "$RUNS"); do
        say "bench: pagefind over hugo's output, $N pages, run $r/$RUNS"
        rm -rf "$HOUT/pagefind"
        measure "pagefind-$N" "$RUN_DIR/pagefind-$N-$r.log" -- "${PAGEFIND[@]}" --site "$HOUT" \
          || say "bench: pagefind failed (see $RUN_DIR/pagefind-$N-$r.log)"
      done
      row "pagefind (on hugo)" "$N" "pagefind-$N" "$HOUT/pagefind" "$HOUT/pagefind"
      hp_wall=$(awk -v a="$h_wall" -v b="$(med "pagefind-$N" 2)" 'BEGIN { if (a=="NA"||b=="NA") print "NA"; else print a+b }')
      line+=" | $(ratio "$a_wall" "$hp_wall") |"
    else
      line+=" | n/a |"
    fi
    RATIOS+=("$line")
  fi

  if [ -f "$ROOT/Benchmarks/search-bytes.mjs" ] && command -v node >/dev/null 2>&1 && [ -d "$OUT" ]; then
    say "bench: search bytes and latency, $N pages"
    if node "$ROOT/Benchmarks/search-bytes.mjs" "$OUT" >"$RUN_DIR/search-bytes-$N.txt" 2>"$RUN_DIR/search-bytes-$N.err"; then
      EXTRAS+=("" "#### Search, $N pages (Benchmarks/search-bytes.mjs)" "" "$(cat "$RUN_DIR/search-bytes-$N.txt")")
    else
      EXTRAS+=("- search-bytes.mjs failed for $N pages: $(tail -3 "$RUN_DIR/search-bytes-$N.err" | tr '\n' ' ')")
    fi
  fi
  serve=()
  if [ -x "$ROOT/Benchmarks/serve-latency.sh" ]; then serve=("$ROOT/Benchmarks/serve-latency.sh" "$SITE")
  elif [ -f "$ROOT/Benchmarks/serve-latency.mjs" ] && command -v node >/dev/null 2>&1; then
    serve=(node "$ROOT/Benchmarks/serve-latency.mjs" "$SITE")
  fi
  if [ ${#serve[@]} -gt 0 ]; then
    say "bench: preview-server latency, $N pages"
    if "${serve[@]}" >"$RUN_DIR/serve-latency-$N.txt" 2>"$RUN_DIR/serve-latency-$N.err"; then
      EXTRAS+=("" "#### Preview server, $N pages" "" "$(cat "$RUN_DIR/serve-latency-$N.txt")")
    else
      EXTRAS+=("- serve-latency failed for $N pages: $(tail -3 "$RUN_DIR/serve-latency-$N.err" | tr '\n' ' ')")
    fi
  fi
  EXTRAS+=("- site of $N pages: $(mb "$content_b") of Markdown in $(find "$SITE/content" -name '*.md' | wc -l) files")
done

# ---- the report --------------------------------------------------------------------------

sizes_sorted=$(printf '%s\n' $SIZES | sort -n)
prev=""
for N in $sizes_sorted; do
  [ "${PER_PAGE[$N]:-NA}" = NA ] && continue
  if [ -n "$prev" ]; then
    SCALING+=("$prev → $N pages: wall time per page ×$(awk -v a="${PER_PAGE[$N]}" -v b="${PER_PAGE[$prev]}" 'BEGIN { printf "%.2f", a/b }'), CPU time per page ×$(awk -v a="${CPU_PER_PAGE[$N]}" -v b="${CPU_PER_PAGE[$prev]}" 'BEGIN { if (a=="NA"||b=="NA") print "n/a"; else printf "%.2f", a/b }') (1.00 is linear)")
  fi
  prev=$N
done

hugo_version=$( [ "$HAVE_HUGO" = 1 ] && "$HUGO" version 2>/dev/null | awk '{print $2}' || echo "not installed")
pagefind_version=$( [ ${#PAGEFIND[@]} -gt 0 ] && "${PAGEFIND[@]}" --version 2>/dev/null | tail -1 \
  || { [ "${BENCH_PAGEFIND:-}" = none ] && echo "pagefind skipped" || echo "pagefind not installed"; })
{
  echo "### Almanac benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "commit $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo '+dirty'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $LOAD_AT_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end, $($SWIFT --version 2>/dev/null | head -1 | sed 's/ (.*//'), hugo $hugo_version, $pagefind_version; median of $RUNS runs, seed $SEED"
  echo
  echo "| pages | tool | ok | wall, median (fastest) | per page | pages/s | CPU user+sys | peak RSS | output | files | search index |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  if [ ${#RATIOS[@]} -gt 0 ]; then
    echo
    echo "| pages | almanac/hugo wall | almanac/hugo peak RSS | almanac/hugo CPU | almanac/(hugo+pagefind) wall |"
    echo "|---:|---:|---:|---:|---:|"
    printf '%s\n' "${RATIOS[@]}"
  else
    echo
    if [ "$HUGO" = none ]; then echo "Hugo skipped (BENCH_HUGO=none)."
    else echo "Hugo is not installed ($HUGO not found; \`apt-get install hugo\`): no comparison."; fi
  fi
  [ ${#PAGEFIND[@]} -eq 0 ] && [ "$HAVE_HUGO" = 1 ] && { echo; echo "Pagefind is skipped or not installed (\`pip install 'pagefind[bin]'\`): Hugo's output was not indexed."; }
  if [ ${#BROKEN_RATIOS[@]} -gt 0 ]; then
    echo
    echo "| pages | broken links | wall, broken / clean | CPU, broken / clean (target ≤ 2×) |"
    echo "|---:|---:|---:|---:|"
    printf '%s\n' "${BROKEN_RATIOS[@]}"
  fi
  if [ ${#SCALING[@]} -gt 0 ]; then
    echo
    printf -- '- scaling: %s\n' "${SCALING[@]}"
  fi
  [ ${#EXTRAS[@]} -gt 0 ] && printf '%s\n' "${EXTRAS[@]}"
  echo "- raw data: bench-results/runs/$STAMP/ (runs.csv, logs, time -v output)"
} | tee "$RUN_DIR/report.md"
cp "$RUN_DIR/report.md" "$RESULTS/latest.md"
exit $failed
