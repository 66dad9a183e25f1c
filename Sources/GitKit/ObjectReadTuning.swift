import CLibGit2

/// Stops libgit2 from re-hashing every object it reads (`GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION`,
/// on by default), as `git` itself does not on ordinary reads. With libgit2's collision-detecting
/// SHA-1 (about 440 MB/s here) that check cost 10–20 % of a whole `heal diff`.
enum ObjectReadTuning {
    /// Applies the setting once per process; later uses are free.
    static let apply: Void = {
        _ = heal_git_set_strict_hash_verification(0)
    }()
}
