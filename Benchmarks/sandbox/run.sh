#!/usr/bin/env bash
# What the sandbox costs per fix attempt: `heal fix` on the same small pytest project with the
# same agent (a command that applies a one-line fix), boxed (`sandbox: auto`, bubblewrap here)
# and unboxed (`sandbox: off`), interleaved, N times each after one warm-up of each (default 5).
# The project: 31 tests, one of which the deploy breaks. Every attempt runs the agent, the
# failing test at the deploy, the test's verification reruns and the suite with the fix; the
# deploy's suite comes from heal's cache in both. Reports the
# mean and spread of each and the added seconds per attempt.
# Usage: Benchmarks/sandbox/run.sh [N]   (HEAL=/path/to/heal to skip the release build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repeats="${1:-5}"
source "$here/../setup.sh"

project="$work/project"
mkdir -p "$project/calc" "$project/tests"
cd "$project"
git init -q -b main
printf '__pycache__/\n' > .gitignore
: > calc/__init__.py
printf 'def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n' > calc/ops.py
{
  echo "from calc.ops import add, mul"
  printf '\n\ndef test_add():\n    assert add(2, 3) == 5\n'
  for i in $(seq 1 30); do printf '\n\ndef test_mul_%d():\n    assert mul(%d, 2) == %d\n' "$i" "$i" "$((i * 2))"; done
} > tests/test_ops.py
git add -A && git commit -qm baseline
sed -i 's/return a + b/return a - b/' calc/ops.py
git commit -qam "deploy: refactor add"

pytest="PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"
mkdir -p "$work/doubles"
printf '#!/bin/sh\nsed -i "s/return a - b/return a + b/" calc/ops.py\n' > "$work/doubles/agent-double-fix.sh"
chmod +x "$work/doubles/agent-double-fix.sh"
for mode in auto off; do
  cat > "$work/$mode.yml" <<YML
suite:
  command: "$pytest --junitxml={results}"
  test: "$pytest {id} --junitxml={results}"
  format: junit
fix:
  agent: command
  command: "$work/doubles/agent-double-fix.sh"
  max-per-day: 1000
sandbox:
  mode: "$mode"
  expose: ["$work/doubles"]
YML
done
test="tests/test_ops.py::test_add"
# heal triage exits 1 when it found regressions, which is the point here.
"$HEAL" triage --before HEAD~1 --after HEAD --json --config "$work/auto.yml" >"$work/triage.json" 2>"$work/triage.log" || true
grep -q '"introduced"' "$work/triage.json" || { cat "$work/triage.log" >&2; exit 1; }

# One timed attempt: prints its wall seconds; the fix branch is removed so the next one runs.
attempt() {
  local mode="$1" start end
  start=$(date +%s%N)
  "$HEAL" fix --test "$test" --triage "$work/triage.json" --config "$work/$mode.yml" --json >"$work/fix.json" 2>"$work/fix.log"
  end=$(date +%s%N)
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["dispatches"][0]; sys.exit(0 if d["outcome"]=="staged" else "not staged: %s" % d)' "$work/fix.json"
  git for-each-ref --format='%(refname:short)' refs/heads/heal/ | xargs -r git branch -q -D
  echo "$(( (end - start) / 1000000 ))"
}

attempt auto >/dev/null; attempt off >/dev/null
: > "$work/times"
for _ in $(seq 1 "$repeats"); do
  for mode in auto off; do
    seconds=$(attempt "$mode")
    echo "$mode $seconds" >> "$work/times"
  done
done
python3 - "$work/times" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    mode, millis = line.split()
    times.setdefault(mode, []).append(int(millis) / 1000)
for mode, label in (("auto", "sandboxed (bubblewrap)"), ("off", "sandbox: off")):
    t = times[mode]
    print(f"{label:24} mean {statistics.mean(t):6.2f} s  sd {statistics.stdev(t) if len(t) > 1 else 0:5.2f} s  runs {' '.join(f'{x:.2f}' for x in t)}")
print(f"added by the sandbox: {statistics.mean(times['auto']) - statistics.mean(times['off']):+.2f} s per attempt "
      f"({len(times['auto'])} attempts each)")
PY
