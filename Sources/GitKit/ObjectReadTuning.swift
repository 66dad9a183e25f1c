import CLibGit2
import Foundation

/// Stops libgit2 from re-hashing every object it reads (`GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION`,
/// on by default), as `git` itself does not on ordinary reads. With libgit2's collision-detecting
/// SHA-1 (about 440 MB/s here) that check cost 10–20 % of a whole `heal diff`.
enum ObjectReadTuning {
    /// Applies the setting once per process; later uses are free.
    static let apply: Void = {
        #if os(Linux)
        // `git_libgit2_opts` is variadic, which Swift cannot call. On x86-64 and arm64 Linux an
        // integer-only variadic call passes its arguments exactly like a fixed one, so the
        // function is called through a fixed signature. (Apple's arm64 ABI differs; there the
        // check simply stays on.)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "git_libgit2_opts") else { return }
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        let setOption = unsafeBitCast(symbol, to: SetOption.self)
        _ = setOption(Int32(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION.rawValue), 0)
        #endif
    }()
}
