import Foundation

/// Keeps build caches in a reused scratch directory honest.
///
/// Python's `.pyc` files (and pytest's rewritten test modules) are reused when the source's
/// modification second and size match; make reuses a target newer than its sources. A file
/// rewritten for another commit or a trial within the same second as the previous trial, with
/// the same size (`* 2` → `* 3`), would run stale bytecode. So every file a trial changes — by
/// moving to another commit, by writing a revert, or by undoing the previous trial's writes —
/// gets a modification time strictly later, in whole seconds, than any stamp handed out before.
final class RewriteStamps {
    private var lastStamp = 0

    /// Stamps the existing files among `paths` of `sync`'s directory with a fresh second.
    func stamp(_ paths: Set<String>, in sync: TreeSync) throws {
        guard !paths.isEmpty else { return }
        lastStamp = max(Int(Date().timeIntervalSince1970.rounded(.up)), lastStamp + 1)
        try sync.setModificationTime(of: paths, seconds: lastStamp)
    }
}
