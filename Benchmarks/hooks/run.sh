#!/usr/bin/env bash
# Hook latency: the milliseconds heal's hooks add to `git commit` (reference-transaction runs
# and exits at once: no deploy tag) and to `git tag deploy-N` (it starts a detached heal run and
# returns). Median of N runs in two identical repositories, one with `heal hooks install`.
# Goal: <= 50 ms added.
# Usage: Benchmarks/hooks/run.sh [N]   (HEAL=/path/to/heal to skip the release build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-30}"
source "$here/../setup.sh"

# A repository whose suite writes no results, so each detached heal run ends within
# milliseconds instead of competing with the measurement for the CPU.
make_repo() {
  git init -q -b main --template= "$1"
  printf 'suite:\n  command: "true {results}"\n  test: "true {id} {results}"\n' >"$1/.heal.yml"
  git -C "$1" add -A && git -C "$1" commit -q -m baseline && git -C "$1" tag deploy-0
}
make_repo "$work/plain"
make_repo "$work/hooked"
(cd "$work/hooked" && "$HEAL" hooks install >/dev/null)

now_ns() { date +%s%N; }

# Waits until the detached heal runs the tags started have ended: each ends by logging that
# the suite could not run, and nobody holds the run lock.
settle() {
  local repo="$1" expected="$2" log="$1/.git/heal/logs/hooks.log"
  until [[ -f "$log" ]] && (( $(grep -c 'could not run' "$log" || true) >= expected )); do sleep 0.05; done
  flock "$repo/.git/heal/run.lock" true
}

# Median milliseconds of one kind of operation in one repository.
measure() {
  local repo="$1" kind="$2" samples=() start end
  for ((i = 1; i <= runs; i++)); do
    case "$kind" in
      commit)
        echo "$i" >"$repo/file.txt"
        git -C "$repo" add file.txt
        start=$(now_ns); git -C "$repo" commit -q -m "change $i"; end=$(now_ns) ;;
      tag)
        start=$(now_ns); git -C "$repo" tag "deploy-$i"; end=$(now_ns)
        if [[ "$repo" == "$work/hooked" ]]; then settle "$repo" "$i"; fi ;;
    esac
    samples+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
}

for kind in commit tag; do
  plain=$(measure "$work/plain" "$kind")
  hooked=$(measure "$work/hooked" "$kind")
  added=$(awk "BEGIN { printf \"%.1f\", $hooked - $plain }")
  echo "git $kind: ${plain} ms without hooks, ${hooked} ms with heal's hooks: +${added} ms  (goal <= 50 ms; median of $runs)"
done
started=$(grep -c 'could not run' "$work/hooked/.git/heal/logs/hooks.log" || true)
echo "detached heal runs started by the tag hook: $started (they exit at once: this suite writes no results)"
