#!/usr/bin/env bash
# What one root cause costs, before and after causes: `heal run --json` on a deploy whose one
# changed line breaks N pytest tests (default 20), with per-test coverage and without, run by
# this checkout's heal ("after") and by heal at BEFORE ("before", default ccb4094: the parent of
# cdf2112 "One cause, one triage", which triaged and fixed each failing test on its own), each on
# an identical fresh project. Reports the test runs heal made (counted by the project's own
# commands, not by heal), the fix branches and PR bodies it staged, and the wall time.
#
# Usage: Benchmarks/causes/run.sh [N]
#   HEAL=/path/to/heal          "after" from this build instead of building the checkout
#   HEAL_BEFORE=/path/to/heal   "before" from this build instead of building BEFORE
#   BEFORE=<rev>|none           the revision to compare with (built once, in .build-bench/), or none
#   BEFORE_SANDBOX=1            with HEAL_BEFORE: that heal knows `sandbox:` (see make_project.py)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tests="${1:-20}"
before="${BEFORE:-ccb4094}"
source "$here/../setup.sh"
HEAL="$(cd "$(dirname "$HEAL")" && pwd)/$(basename "$HEAL")"   # the runs cd into their project

if [[ -z "${HEAL_BEFORE:-}" && "$before" != none ]]; then
  sha="$(git -C "$root" rev-parse --short "$before^{commit}")"
  source="$root/.build-bench/heal-$sha"
  if [[ ! -d "$source" ]]; then
    git clone -q "$root" "$source"
    git -C "$source" checkout -q --detach "$sha"
    # The same dependency versions as this checkout, without asking the network.
    if [[ -f "$root/Package.resolved" ]]; then cp "$root/Package.resolved" "$source/"; fi
  fi
  swift build -c release --package-path "$source" --product heal 2>&1 | grep -E "error|Build" >&2
  HEAL_BEFORE="$source/.build/release/heal"
  if [[ -f "$source/Sources/HealKit/Config/HealConfig+Sandbox.swift" ]]; then BEFORE_SANDBOX=1; fi
fi
echo "$tests tests broken by one line; before: ${HEAL_BEFORE:-none}, after: $HEAL"

# One measured `heal run --json` on a fresh project: label, heal binary, extra generator flags.
measure() {
  # The counter sits apart from the project: the only directory its commands may write besides their own.
  local label="$1" heal="$2" flags="${3:-}" project="$work/$1" counter="$work/counts-$1/runs.log"
  mkdir -p "$(dirname "$counter")"
  python3 "$here/make_project.py" "$project" "$counter" "$tests" $flags
  local start end status=0
  start=$(date +%s%N)
  (cd "$project" && "$heal" run --json >"$work/$label.json" 2>"$work/$label.log") || status=$?
  end=$(date +%s%N)
  if ! python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$work/$label.json" 2>/dev/null; then
    echo "$label: heal exited $status without its JSON; its log ends:" >&2
    tail -n 20 "$work/$label.log" >&2
    return 1
  fi
  python3 - "$label" "$status" "$(( (end - start) / 1000000 ))" "$counter" "$work/$label.json" "$project" <<'PY'
import collections, json, os, subprocess, sys
label, status, millis, counter, report, project = sys.argv[1:]
runs = collections.Counter(open(counter).read().split()) if os.path.exists(counter) else {}
data = json.load(open(report))
branches = subprocess.run(["git", "-C", project, "for-each-ref", "--format=%(refname:short)", "refs/heads/heal/"],
                          capture_output=True, text=True).stdout.split()
bodies = os.path.join(project, ".git", "heal", "pr")
staged = len(os.listdir(bodies)) if os.path.isdir(bodies) else 0
outcomes = collections.Counter(d["outcome"] for d in data.get("dispatches", []))
causes = data.get("causes")
print(f"{label:>19}: {int(millis) / 1000:6.1f} s wall, {runs.get('test', 0):4d} single-test runs "
      f"+ {runs.get('suite', 0)} suite + {runs.get('coverage', 0)} coverage runs; exit {status}, "
      f"{len(data['regressions'])} regressions, "
      + (f"{len(causes)} cause(s), " if causes is not None else "")
      + f"{len(branches)} fix branch(es), {staged} PR bod{'y' if staged == 1 else 'ies'}, "
      f"dispatches {dict(outcomes)}, {len(data['escalations'])} escalation(s)")
PY
}

for variant in coverage no-coverage; do
  flags=""; [[ "$variant" == no-coverage ]] && flags="--no-coverage"
  if [[ -n "${HEAL_BEFORE:-}" ]]; then
    measure "before-$variant" "$HEAL_BEFORE" "$flags${BEFORE_SANDBOX:+ --sandbox-writable}"
  fi
  measure "after-$variant" "$HEAL" "$flags --sandbox-writable"
done
