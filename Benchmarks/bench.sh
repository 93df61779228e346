#!/usr/bin/env bash
# The benchmark: builds synthetic Russian sites of 1,000 / 10,000 (/ 50,000) pages with
# almanac — and with Hugo (+ Pagefind) when they are installed — and reports median wall
# time, time per page, CPU time, peak memory and output sizes as a Markdown table on stdout.
# Each run of a size times a clean build, an unchanged rebuild, a rebuild after a body edit of
# one page (the first after the clean build, and again later, when the staging folder exists)
# and one after a title edit, side by side, with each rebuild's ratio to the clean build.
# Raw measurements and logs go to bench-results/runs/<timestamp>/; the last report is also
# bench-results/latest.md. A slow machine only makes the numbers bigger: nothing here times out.
#
#   BENCH_SIZES="1000 10000"   site sizes in pages (50000 only when listed here)
#   BENCH_RUNS=3               builds per tool and size; the median is reported
#   BENCH_SEED=1               corpus seed
#   BENCH_REBUILD=1            also time rebuilds into the existing output: content unchanged, one
#                              page's body edited, one page's title edited (0: skip)
#   BENCH_BROKEN=3             also build the same pages with this many broken links each, with
#                              --links warn, and report the ratio to the clean build (0: skip)
#   BENCH_HUGO=hugo            Hugo binary to compare with ("none" to skip); installed from Debian when missing
#   BENCH_HUGO_REBUILD=1       also time Hugo's rebuilds after the same edits (0: skip)
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

# ensure_package NAME: installs a Debian package (as root, or through sudo when there is one).
ensure_package() {
  say "bench: installing Debian package '$1'"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null 2>&1 && sudo=sudo || return 1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null 2>&1; }
}
# /usr/bin/time -v gives CPU time and peak memory; Debian's `time` package has it.
[ -x "$TIME" ] || ensure_package time
[ -x "$TIME" ] || say "bench: /usr/bin/time unavailable: CPU time and peak memory will read n/a"

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
CLEAN=()
"$ALMANAC" build --help 2>&1 | grep -q -- '--clean' && CLEAN=(--clean)
HUGO=${BENCH_HUGO:-hugo}
HUGO_REBUILD=${BENCH_HUGO_REBUILD:-1}
HAVE_HUGO=0
if [ "$HUGO" != none ]; then
  command -v "$HUGO" >/dev/null 2>&1 || { [ "$HUGO" = hugo ] && ensure_package hugo; }
  command -v "$HUGO" >/dev/null 2>&1 && HAVE_HUGO=1
fi

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

# A clean build starts without the output folder and without what almanac keeps beside it: the
# build cache (.NAME.cache), the staging folder (.NAME.staging) and a moved-aside site (.NAME.previous).
clean_out() {
  local dir parent name
  dir=$1; parent=$(dirname "$dir"); name=$(basename "$dir")
  rm -rf "$dir" "$parent/.$name.cache" "$parent/.$name.staging" "$parent/.$name.previous"
}

rebuild_label() {
  case $1 in
    rebuild) echo "nothing changed";;
    edit) echo "one page's body edited";;
    again) echo "one page's body edited, staging folder in place";;
    title) echo "one page's title edited";;
  esac
}

# middle_page SITE: the page the edit rebuilds touch — the middle page of the middle section.
middle_page() {
  local sections section pages
  mapfile -t sections < <(find "$1/content" -mindepth 1 -maxdepth 1 -type d | sort)
  [ ${#sections[@]} -gt 0 ] || return 1
  section=${sections[$(( ${#sections[@]} / 2 ))]}
  mapfile -t pages < <(find "$section" -maxdepth 1 -name '*.md' ! -name '_index.md' | sort)
  [ ${#pages[@]} -gt 0 ] || return 1
  echo "${pages[$(( ${#pages[@]} / 2 ))]}"
}

# edit_body FILE: appends a sentence to the page's first paragraph (after the front matter);
# only the page itself shows the body. Fails when nothing changed.
edit_body() {
  awk -v add=" Это предложение дописано, чтобы замерить пересборку после правки одной страницы." '
    fm < 2 { if ($0 == "---") fm++; print; next }
    done { print; next }
    inpar && $0 == "" { print last add; print; done = 1; inpar = 0; next }
    inpar { print last; last = $0; next }
    $0 != "" && $0 !~ /^([#>|`<]|[-*+] |[0-9]+[.)] |    )/ { inpar = 1; last = $0; next }
    { print }
    END { if (inpar) print last add }' "$1" >"$1.edited" && ! cmp -s "$1" "$1.edited" && mv "$1.edited" "$1" || { rm -f "$1.edited"; return 1; }
}

# edit_title FILE: changes the page's `title:`, which its section's sidebar shows on every page
# of the section, and the neighbours' previous/next links and the section's listing too.
edit_title() {
  sed '0,/^title: "\(.*\)"$/s//title: "\1, исправленное"/' "$1" >"$1.edited" && ! cmp -s "$1" "$1.edited" && mv "$1.edited" "$1" || { rm -f "$1.edited"; return 1; }
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
REBUILDS=()
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

  # The page the edit rebuilds change, kept aside so that every run edits the same bytes.
  EDITED=""; ORIGINAL=$RUN_DIR/edited-page-$N.md
  if [ "$REBUILD" != 0 ]; then
    EDITED=$(middle_page "$SITE") && cp "$EDITED" "$ORIGINAL" || { say "bench: no page to edit in $SITE"; EDITED=""; failed=1; }
  fi
  restore() { [ -n "$EDITED" ] && cp "$ORIGINAL" "$EDITED"; }
  trap 'restore' EXIT  # an interrupted run must not leave the corpus edited for the next one

  # One run: a clean build, then into its output an unchanged rebuild, a body edit and a title
  # edit, each from the output of the unedited pages (an unmeasured build puts it back after the
  # body edit). Side by side in one run, so a busy moment of the machine hits all of them alike.
  # almanac_build NAME RUN WHAT [--clean…]
  almanac_build() {
    local name=$1 r=$2 what=$3; shift 3
    say "bench: almanac $what, $N pages, run $r/$RUNS"
    measure "$name" "$RUN_DIR/$name-$r.log" -- "$ALMANAC" build "$SITE" --output "$OUT" --quiet "${TIMINGS[@]}" "$@" \
      || { say "bench: almanac $what failed (see $RUN_DIR/$name-$r.log):"; head -20 "$RUN_DIR/$name-$r.log" >&2; failed=1; }
  }
  settle() {
    "$ALMANAC" build "$SITE" --output "$OUT" --quiet >"$RUN_DIR/settle-$N.log" 2>&1 \
      || { say "bench: almanac build of the restored pages failed (see $RUN_DIR/settle-$N.log)"; failed=1; }
  }
  for r in $(seq 1 "$RUNS"); do
    restore
    clean_out "$OUT"
    almanac_build "almanac-$N" "$r" "clean build" "${CLEAN[@]}"
    [ -n "$EDITED" ] && [ -d "$OUT" ] || continue
    almanac_build "almanac-rebuild-$N" "$r" "rebuild, nothing changed"
    if edit_body "$EDITED"; then
      almanac_build "almanac-edit-$N" "$r" "rebuild after a body edit of ${EDITED#"$SITE"/}"
    else say "bench: could not edit the body of $EDITED"; failed=1; fi
    restore; settle
    if edit_title "$EDITED"; then
      almanac_build "almanac-title-$N" "$r" "rebuild after a title edit of ${EDITED#"$SITE"/}"
    else say "bench: could not edit the title of $EDITED"; failed=1; fi
    restore; settle
    # The body edit again, now that the staging folder holds a whole site: what every rebuild
    # after the first costs (the first after a clean build makes that folder, a tree of folders
    # and links as big as the site).
    if edit_body "$EDITED"; then
      almanac_build "almanac-again-$N" "$r" "rebuild after the body edit again, staging folder in place"
    else say "bench: could not edit the body of $EDITED"; failed=1; fi
    restore
  done
  # Leave the output of the unedited pages for the stages below (search bytes).
  [ -n "$EDITED" ] && settle
  row "almanac, clean build${CLEAN[*]:+ (${CLEAN[*]})}" "$N" "almanac-$N" "$OUT" "$OUT/search"
  stages=$(stage_medians "almanac-$N")
  [ -n "$stages" ] && EXTRAS+=("- almanac stages, $N pages, clean build (median of --timings): $stages")
  if [ -n "$EDITED" ]; then
    row "almanac, rebuild, nothing changed" "$N" "almanac-rebuild-$N" "$OUT" "$OUT/search"
    row "almanac, rebuild, one page's body edited" "$N" "almanac-edit-$N" "$OUT" "$OUT/search"
    row "almanac, rebuild, one page's body edited, staging in place" "$N" "almanac-again-$N" "$OUT" "$OUT/search"
    row "almanac, rebuild, one page's title edited" "$N" "almanac-title-$N" "$OUT" "$OUT/search"
    for kind in rebuild edit again title; do
      stages=$(stage_medians "almanac-$kind-$N")
      [ -n "$stages" ] && EXTRAS+=("- almanac stages, $N pages, $(rebuild_label "$kind") (median of --timings): $stages")
    done
    EXTRAS+=("- edited page, $N pages: ${EDITED#"$SITE"/} (body: a sentence appended to its first paragraph; title: «, исправленное» appended)")
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
    # Two layout sets the corpus writes (Benchmarks/README.md): layouts/ with the section's page
    # list on every page, as almanac's sidebar has (the comparison), and layouts-light/ without it.
    # Hugo's command line builds everything every time; its rebuilds after the same edits (into
    # the existing destination) show what a CI job that runs `hugo` on every commit pays.
    LOUT=$RESULTS/out/hugo-light-$N
    # hugo_build NAME RUN WHAT DEST [hugo flags…]
    hugo_build() {
      local name=$1 r=$2 what=$3 dest=$4; shift 4
      say "bench: hugo $what, $N pages, run $r/$RUNS"
      measure "$name" "$RUN_DIR/$name-$r.log" -- "$HUGO" --source "$SITE" --destination "$dest" --quiet --noBuildLock "$@" \
        || say "bench: hugo failed (see $RUN_DIR/$name-$r.log)"
    }
    for r in $(seq 1 "$RUNS"); do
      restore
      rm -rf "$HOUT" "$LOUT"
      hugo_build "hugo-$N" "$r" "clean build, section list on every page" "$HOUT"
      hugo_build "hugo-light-$N" "$r" "clean build, light layout" "$LOUT" --layoutDir layouts-light
      [ "$HUGO_REBUILD" != 0 ] && [ -n "$EDITED" ] || continue
      hugo_build "hugo-rebuild-$N" "$r" "rebuild, nothing changed" "$HOUT"
      edit_body "$EDITED" && hugo_build "hugo-edit-$N" "$r" "rebuild after a body edit" "$HOUT"
      restore
      "$HUGO" --source "$SITE" --destination "$HOUT" --quiet --noBuildLock >/dev/null 2>&1
      edit_title "$EDITED" && hugo_build "hugo-title-$N" "$r" "rebuild after a title edit" "$HOUT"
      restore
    done
    rm -rf "$HOUT"
    "$HUGO" --source "$SITE" --destination "$HOUT" --quiet --noBuildLock >/dev/null 2>&1  # pagefind indexes the unedited pages
    row "hugo, section list on every page" "$N" "hugo-$N" "$HOUT" ""
    row "hugo, light layout" "$N" "hugo-light-$N" "$LOUT" ""
    if [ "$HUGO_REBUILD" != 0 ] && [ -n "$EDITED" ]; then
      row "hugo, rebuild, nothing changed" "$N" "hugo-rebuild-$N" "$HOUT" ""
      row "hugo, rebuild, one page's body edited" "$N" "hugo-edit-$N" "$HOUT" ""
      row "hugo, rebuild, one page's title edited" "$N" "hugo-title-$N" "$HOUT" ""
    fi
    RATIOS+=("| $N | light (layouts-light/) | $(ratio "$a_wall" "$(med "hugo-light-$N" 2)") | $(ratio "$(med "almanac-$N" 5)" "$(med "hugo-light-$N" 5)") | $(ratio "$(cpu "almanac-$N")" "$(cpu "hugo-light-$N")") | n/a |")
    h_wall=$(med "hugo-$N" 2)
    line="| $N | section list (layouts/) | $(ratio "$a_wall" "$h_wall") | $(ratio "$(med "almanac-$N" 5)" "$(med "hugo-$N" 5)") | $(ratio "$(cpu "almanac-$N")" "$(cpu "hugo-$N")")"
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

  # Each rebuild beside the clean build of the same run series, with issue 19's targets.
  if [ -n "$EDITED" ]; then
    for kind in rebuild edit again title; do
      target=$(case $kind in rebuild) echo "≤ 0.15×";; edit|again) echo "≤ 0.20×";; title) echo "≤ 0.50×";; esac)
      hcells="n/a | n/a"
      if [ "$HAVE_HUGO" = 1 ] && [ "$HUGO_REBUILD" != 0 ]; then
        hcells="$(secs "$(med "hugo-$kind-$N" 2)") | $(ratio "$(med "hugo-$kind-$N" 2)" "$(med "hugo-$N" 2)")"
      fi
      REBUILDS+=("| $N | $(rebuild_label "$kind") | $(secs "$(med "almanac-$kind-$N" 2)") | $(ratio "$(med "almanac-$kind-$N" 2)" "$a_wall") | $(ratio "$(cpu "almanac-$kind-$N")" "$(cpu "almanac-$N")") | $target | $hcells |")
    done
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
  if [ ${#REBUILDS[@]} -gt 0 ]; then
    echo
    echo "| pages | rebuild into the last output | almanac wall, median | almanac / clean build, wall | almanac / clean build, CPU | target (issue 19) | hugo wall, median (section list) | hugo / its clean build |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${REBUILDS[@]}"
  fi
  if [ ${#RATIOS[@]} -gt 0 ]; then
    echo
    echo "Clean builds against Hugo (target: almanac ≤ 0.5× of Hugo with the section list on every page):"
    echo
    echo "| pages | hugo layout | almanac/hugo wall | almanac/hugo peak RSS | almanac/hugo CPU | almanac/(hugo+pagefind) wall |"
    echo "|---:|---|---:|---:|---:|---:|"
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
