/// The hook scripts `heal hooks install` writes, embedded so an installed binary needs no
/// source tree. `hooks/` holds the same text as readable files; a test keeps the two equal.
enum HookScripts {
    static let postMerge = #"""
#!/bin/sh
# heal-managed-hook: post-merge
# Installed by `heal hooks install`; `heal hooks uninstall` restores what was here before.
# After `git merge` / `git pull` (fast-forwards too), hands the range ORIG_HEAD..HEAD to
# `heal run` fully detached and returns at once. HEAL_SKIP=1 disables it.
hook_dir=$(dirname "$0")
if [ -x "$hook_dir/post-merge.legacy" ]; then
  "$hook_dir/post-merge.legacy" "$@" || exit $?
fi
[ "${HEAL_SKIP:-0}" = "1" ] && exit 0
heal_bin="__HEAL_BIN__"
[ -x "$heal_bin" ] || heal_bin=$(command -v heal) || exit 0
before=$(git rev-parse -q --verify ORIG_HEAD) || exit 0
after=$(git rev-parse -q --verify HEAD) || exit 0
[ "$before" = "$after" ] && exit 0
heal_dir="$(git rev-parse --git-common-dir)/heal"
mkdir -p "$heal_dir/logs" || exit 0
HEAL_TRIGGER=post-merge nohup "$heal_bin" run --before "$before" --after "$after" \
  </dev/null >>"$heal_dir/logs/hooks.log" 2>&1 &
exit 0
"""#

    static let referenceTransaction = #"""
#!/bin/sh
# heal-managed-hook: reference-transaction
# Installed by `heal hooks install`; `heal hooks uninstall` restores what was here before.
# When a transaction commits a new tag matching the deploy-tags pattern, hands the range
# <previous deploy tag>..<new tag> to `heal run` fully detached and returns at once.
# It runs for every ref update, so everything but that case costs no subprocess.
# HEAL_SKIP=1 disables it.
hook_dir=$(dirname "$0")
input=$(cat)
if [ -x "$hook_dir/reference-transaction.legacy" ]; then
  printf '%s\n' "$input" | "$hook_dir/reference-transaction.legacy" "$@" || exit $?
fi
[ "$1" = "committed" ] || exit 0
[ "${HEAL_SKIP:-0}" = "1" ] && exit 0
pattern="__DEPLOY_TAGS__"
zero=0000000000000000000000000000000000000000
printf '%s\n' "$input" | while read -r old new ref; do
  [ "$old" = "$zero" ] || continue
  case "$ref" in
    refs/tags/$pattern) ;;
    *) continue ;;
  esac
  tag=${ref#refs/tags/}
  heal_bin="__HEAL_BIN__"
  [ -x "$heal_bin" ] || heal_bin=$(command -v heal) || exit 0
  after=$(git rev-parse -q --verify "$new^{commit}") || continue
  before=$(git describe --tags --abbrev=0 --match "$pattern" "$after^" 2>/dev/null) || continue
  heal_dir="$(git rev-parse --git-common-dir)/heal"
  mkdir -p "$heal_dir/logs" || continue
  HEAL_TRIGGER="tag:$tag" nohup "$heal_bin" run --before "$before" --after "$after" \
    </dev/null >>"$heal_dir/logs/hooks.log" 2>&1 &
done
exit 0
"""#
}
