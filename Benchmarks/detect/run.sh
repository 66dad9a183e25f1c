#!/usr/bin/env bash
# heal detect's read + detect against xmllint --stream and Python ElementTree on the same
# generated 200,000-case JUnit files, then heal's peak memory on 1,000,000-case files.
# Usage: Benchmarks/detect/run.sh   (from anywhere; builds heal in release under .build-release,
# keeps the generated files in Benchmarks/.data/detect)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/Benchmarks/.data/detect"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$data"

swift build -c release --scratch-path "$root/.build-release" --package-path "$root" --product heal | grep -E "error|Build" >&2
heal="$root/.build-release/release/heal"

generate() {
  local cases=$1
  [[ -f "$data/base-$cases.xml" ]] || python3 "$here/generate_junit.py" "$cases" "$data/base-$cases.xml"
  [[ -f "$data/cur-$cases.xml" ]] || python3 "$here/generate_junit.py" "$cases" "$data/cur-$cases.xml" --break 997
}
generate 200000
base="$data/base-200000.xml" cur="$data/cur-200000.xml"
echo "files: $(du -m "$base" | cut -f1) MB + $(du -m "$cur" | cut -f1) MB, 200000 cases each"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# Best of 5 wall-clock seconds of a command, run from an empty directory outside any
# repository (so heal has no pytest project to look ids up in, as ElementTree has none).
best() {
  local best=""
  for _ in 1 2 3 4 5; do
    local t
    (cd "$work" && /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1) || true
    t=$(tail -1 "$work/time")
    if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}
# heal must find the regressions the generator planted (every 997th case, minus those that
# fail in both files), or the timings mean nothing.
found=$(cd "$work" && "$heal" detect --baseline "$base" --current "$cur" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["newlyFailing"])' || true)
expected=$(python3 "$here/etree_detect.py" "$base" "$cur")
[[ "$found" == "$expected" ]] || { echo "heal found $found newly failing tests, ElementTree $expected" >&2; exit 1; }

xmllint_s=$(best xmllint --stream --noout "$base" "$cur")
etree_s=$(best python3 "$here/etree_detect.py" "$base" "$cur")
heal_s=$(best "$heal" detect --baseline "$base" --current "$cur" --json)
heal_one_core_s=$(best taskset -c 0 "$heal" detect --baseline "$base" --current "$cur" --json)
echo "both files, $found newly failing: xmllint --stream ${xmllint_s}s, ElementTree iterparse ${etree_s}s, heal detect ${heal_s}s (one core: ${heal_one_core_s}s)"
awk "BEGIN{printf \"heal / xmllint: %.2fx  (goal <= 1.2x; heal reads the two files on two threads, xmllint one after the other)\n\", $heal_s/$xmllint_s}"
awk "BEGIN{printf \"heal on one core / xmllint: %.2fx  (the same CPU budget)\n\", $heal_one_core_s/$xmllint_s}"
awk "BEGIN{printf \"ElementTree / heal: %.2fx faster  (goal >= 2x)\n\", $etree_s/$heal_s}"

generate 1000000
(cd "$work" && /usr/bin/time -f "%M" -o "$work/time" "$heal" detect --baseline "$data/base-1000000.xml" \
  --current "$data/cur-1000000.xml" --json >/dev/null 2>&1) || true
peak_kb=$(tail -1 "$work/time")
echo "1,000,000 cases per side ($(du -m "$data/base-1000000.xml" | cut -f1) MB each): heal detect peak memory $((peak_kb / 1024)) MB  (goal <= 200 MB)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
