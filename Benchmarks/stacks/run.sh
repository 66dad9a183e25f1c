#!/usr/bin/env bash
# Wall time of `heal init` + `heal run` per stack: each stack's end-to-end test (Tests/healTests/
# Stacks) builds a small real project, deploys three commits of which one breaks a test, and
# runs heal until a verified revert is staged. Compiled stacks pay their builds inside heal's
# scratch checkouts, which is what the build-product reuse is measured against.
# Usage: Benchmarks/stacks/run.sh [Suite…]   (default: every stack; run after `swift build --build-tests`)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(UnittestStackTests NodeStackTests GoStackTests CargoStackTests SwiftStackTests)
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
printf '%-22s %10s\n' stack seconds
for suite in "${suites[@]}"; do
  out="$(cd "$root" && swift test --skip-build --filter "$suite" 2>&1 || true)"
  seconds="$(printf '%s\n' "$out" | sed -n 's/.*✔ Test .* passed after \([0-9.]*\) seconds.*/\1/p' | head -1)"
  printf '%-22s %10s\n' "$suite" "${seconds:-FAILED}"
done
