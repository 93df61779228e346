#!/usr/bin/env bash
# Runs the almanac-fuzz libFuzzer target for FUZZ_MINUTES (default 5). The corpus lives in
# .fuzz/corpus (seeded from content/ and Tests/AlmanacTests/Fixtures on first use; libFuzzer adds
# what it finds), crashes land in .fuzz/crashes. A crash is reproduced with the plain build:
#   swift build --product almanac-fuzz && .build/debug/almanac-fuzz .fuzz/crashes/crash-…
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${FUZZ_MINUTES:-5}"
binary="${FUZZ_BINARY:-.build-fuzz/debug/almanac-fuzz}"
corpus=.fuzz/corpus
mkdir -p "$corpus" .fuzz/crashes
if [ -z "$(ls -A "$corpus")" ]; then
  find content Tests/AlmanacTests/Fixtures -name '*.md' -size -64k | while read -r f; do
    cp "$f" "$corpus/seed-$(printf '%s' "$f" | md5sum | cut -c1-12).md"
  done
fi
# -rss_limit_mb: the pipeline renders a whole small site per input; ASan doubles its memory.
# -detect_leaks=0: Swift keeps enum cases in the spare bits of payload pointers, so LeakSanitizer
# takes values held by a global (the loaded theme and neighbour page) for leaks. Real leaks are
# covered by the Swift tests (ConcurrentMapTests counts deinitialised results).
# detect_leaks=0 in ASAN_OPTIONS too: the same at exit, where the globals are all that is left.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# Swift's own crash handler would read the stack under ASan and report itself instead.
export SWIFT_BACKTRACE=enable=no
# With -jobs libFuzzer writes its log to fuzz-0.log in the working folder: keep it in .fuzz/.
binary="$(realpath "$binary")"
cd .fuzz
corpus=corpus
"$binary" "$corpus" -max_total_time=$((minutes * 60)) -jobs=1 -workers=1 -max_len=65536 \
  -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 -detect_leaks=0 -artifact_prefix=crashes/ ${FUZZ_ARGS:-}
status=$?
tail -n 12 fuzz-0.log
exit $status
