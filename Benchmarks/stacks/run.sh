#!/usr/bin/env bash
# Wall time of `heal init` + `heal run` per stack: each stack's end-to-end test (Tests/healTests/
# Stacks) builds a small real project, deploys three commits of which one breaks a test, and
# runs heal until a verified revert is staged. Compiled stacks pay their builds inside heal's
# scratch checkouts, which is what the build-product reuse is measured against.
# Each stack runs twice: with heal's warm directory (build products kept between runs, the
# default) and with HEAL_FRESH_DIRECTORIES=1 (a fresh directory, so a cold build, per run).
# Usage: Benchmarks/stacks/run.sh [Suite…]   (default: every stack; run after `swift build --build-tests`)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(UnittestStackTests NodeStackTests GoStackTests CargoStackTests SwiftStackTests)
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
seconds() {  # the suite's wall time, test by test (the suite is serialized), in seconds
  out="$(cd "$root" && env "$@" swift test --skip-build --filter "$suite" 2>&1 || true)"
  printf '%s\n' "$out" | grep -q '✘' && { echo FAILED; return; }
  printf '%s\n' "$out" | sed -n 's/.*✔ Suite .* passed after \([0-9.]*\) seconds.*/\1/p' | head -1
}
printf '%-22s %14s %14s\n' stack "fresh dirs (s)" "warm dir (s)"
for suite in "${suites[@]}"; do
  fresh="$(seconds HEAL_FRESH_DIRECTORIES=1)"
  warm="$(seconds HEAL_FRESH_DIRECTORIES=0)"
  printf '%-22s %14s %14s\n' "$suite" "${fresh:-?}" "${warm:-?}"
done
