#ifndef HEAL_CLIBGIT2_SHIM_H
#define HEAL_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/// `git_libgit2_opts` is variadic, which Swift cannot call: fixed-signature wrappers for the
/// options heal sets.
static inline int heal_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif
