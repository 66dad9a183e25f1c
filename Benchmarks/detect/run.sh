#!/usr/bin/env bash
# heal detect's read + detect against xmllint --stream and Python ElementTree on the same
# generated 200,000-case JUnit files, then heal's peak memory on 1,000,000-case files.
# Usage: Benchmarks/detect/run.sh   (from anywhere; builds heal in release under .build-release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --scratch-path "$root/.build-release" --package-path "$root" --product heal | grep -E "error|Build" >&2
heal="$root/.build-release/release/heal"

python3 "$here/generate_junit.py" 200000 "$work/base.xml"
python3 "$here/generate_junit.py" 200000 "$work/cur.xml" --break 997
echo "files: $(du -m "$work/base.xml" | cut -f1) MB + $(du -m "$work/cur.xml" | cut -f1) MB, 200000 cases each"

# Best of 3 wall-clock seconds of a command.
best() {
  local best=""
  for _ in 1 2 3; do
    local t
    /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$work/time")
    if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}
xmllint_s=$(best xmllint --stream --noout "$work/base.xml" "$work/cur.xml")
etree_s=$(best python3 "$here/etree_detect.py" "$work/base.xml" "$work/cur.xml")
heal_s=$(best "$heal" detect --baseline "$work/base.xml" --current "$work/cur.xml" --json)
heal_one_s=$(best "$heal" detect --baseline "$work/base.xml" --current "$here/empty-current.xml")
xmllint_one_s=$(best xmllint --stream --noout "$work/base.xml")
echo "both files: xmllint --stream ${xmllint_s}s, ElementTree iterparse ${etree_s}s, heal detect ${heal_s}s"
echo "one file:   xmllint --stream ${xmllint_one_s}s, heal read+detect ${heal_one_s}s"
awk "BEGIN{printf \"heal / xmllint (both files, heal reads them in parallel): %.2fx  (goal <= 1.2x)\n\", $heal_s/$xmllint_s}"
awk "BEGIN{printf \"heal / xmllint (one file, single thread): %.2fx\n\", $heal_one_s/$xmllint_one_s}"
awk "BEGIN{printf \"ElementTree / heal: %.2fx faster  (goal >= 2x)\n\", $etree_s/$heal_s}"

python3 "$here/generate_junit.py" 1000000 "$work/base.xml"
python3 "$here/generate_junit.py" 1000000 "$work/cur.xml" --break 997
/usr/bin/time -f "%M" -o "$work/time" "$heal" detect --baseline "$work/base.xml" --current "$work/cur.xml" --json >/dev/null 2>&1 || true
peak_kb=$(tail -1 "$work/time")
echo "1,000,000 cases per side ($(du -m "$work/base.xml" | cut -f1) MB each): heal detect peak memory $((peak_kb / 1024)) MB  (goal <= 200 MB)"
