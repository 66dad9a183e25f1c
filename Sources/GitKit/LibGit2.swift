import CLibGit2

/// Keeps libgit2 initialised while any GitKit object is alive.
///
/// `git_libgit2_init` and `git_libgit2_shutdown` are reference counted, so each owner pairs
/// them; this token is that pairing.
final class LibGit2Token: Sendable {
    init() { git_libgit2_init() }
    deinit { git_libgit2_shutdown() }
}
