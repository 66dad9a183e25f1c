# Sourced by a benchmark's run.sh after `here` is set: `root` (the package), `work` (a scratch
# directory removed on exit), `HEAL` (a release build of heal unless HEAL is set), git's identity
# for the commits the benchmark makes, and the machine's load printed first.
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "${HEAL:-}" ]]; then
  swift build -c release --scratch-path "$root/.build-release" --package-path "$root" --product heal | grep -E "error|Build" >&2
  HEAL="$root/.build-release/release/heal"
fi
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@heal.invalid \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@heal.invalid
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
