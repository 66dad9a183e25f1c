#!/usr/bin/env bash
# heal diff against git diff on three real version ranges, in one run.
#
#   Benchmarks/diff/run.sh [RUNS]
#
# Builds heal in release with the Swift runtime and Foundation linked in statically (which
# saves ~5 ms of dynamic linking per run, a quarter of a small
# diff), scratch path .build-release or $HEAL_BENCH_SCRATCH; clones the three
# repositories bare into Benchmarks/.data/ when missing, then per range times
# `heal diff --json --context 0 A B` against `git diff -U0 -M A B` (RUNS runs each, default 11,
# interleaved, median) and prints the ratio of wall times and of CPU times (user + sys, which
# other load on the machine disturbs less), the load average, and whether hunks and renames
# agree with git.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="${HEAL_BENCH_SCRATCH:-$root/.build-release}"
data="$root/Benchmarks/.data"

echo "building heal (release, $scratch)…" >&2
swift build --package-path "$root" -c release --static-swift-stdlib --scratch-path "$scratch" --product heal >&2
heal="$scratch/release/heal"

mkdir -p "$data"
clone() {
    local url="$1" dir="$data/$2"
    [ -d "$dir" ] || git clone --quiet --bare "$url" "$dir"
}
clone https://github.com/apple/swift-nio swift-nio.git
clone https://github.com/swiftlang/swift-syntax swift-syntax.git
clone https://github.com/apple/swift-crypto swift-crypto.git

exec python3 "$here/bench.py" "$heal" "$data" "${1:-11}"
