#!/usr/bin/env bash
# What one root cause costs: `heal run` on a deploy whose one changed line breaks N pytest
# tests (default 20), with per-test coverage and without. Reports the test runs heal made
# (counted by the project's own commands, not by heal), the fix branches and PR bodies it
# staged, and the wall time. With HEAL_BEFORE set to another build of heal (say, one from before
# causes existed), runs it on an identical project in the same run for comparison.
# Usage: Benchmarks/causes/run.sh [N]   (HEAL=/path/to/heal to skip the release build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tests="${1:-20}"
source "$here/../setup.sh"

# One measured `heal run --json` on a fresh project: label, heal binary, extra generator flags.
measure() {
  local label="$1" heal="$2" flags="${3:-}" project="$work/$1" counter="$work/$1.count"
  python3 "$here/make_project.py" "$project" "$counter" "$tests" $flags
  local start end status=0
  start=$(date +%s%N)
  (cd "$project" && "$heal" run --json >"$work/$label.json" 2>"$work/$label.log") || status=$?
  end=$(date +%s%N)
  python3 - "$label" "$status" "$(( (end - start) / 1000000 ))" "$counter" "$work/$label.json" "$project" <<'PY'
import collections, json, os, subprocess, sys
label, status, millis, counter, report, project = sys.argv[1:]
runs = collections.Counter(open(counter).read().split()) if os.path.exists(counter) else {}
data = json.load(open(report))
branches = subprocess.run(["git", "-C", project, "for-each-ref", "--format=%(refname:short)", "refs/heads/heal/"],
                          capture_output=True, text=True).stdout.split()
outcomes = collections.Counter(d["outcome"] for d in data.get("dispatches", []))
causes = data.get("causes")
print(f"{label}: exit {status}, {int(millis) / 1000:.1f} s wall, "
      f"{runs.get('test', 0)} single-test runs + {runs.get('suite', 0)} suite runs + {runs.get('coverage', 0)} coverage runs; "
      f"{len(data['regressions'])} regressions, "
      + (f"{len(causes)} cause(s), " if causes is not None else "")
      + f"{len(branches)} fix branch(es), dispatches {dict(outcomes)}, {len(data['escalations'])} escalation(s)")
PY
}

for variant in coverage no-coverage; do
  flags=""; [[ "$variant" == no-coverage ]] && flags="--no-coverage"
  if [[ -n "${HEAL_BEFORE:-}" ]]; then measure "before-$variant" "$HEAL_BEFORE" "$flags"; fi
  measure "after-$variant" "$HEAL" "$flags"
done
