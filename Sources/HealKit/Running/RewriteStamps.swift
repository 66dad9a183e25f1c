import Foundation

/// Keeps build caches in a reused scratch directory honest.
///
/// Python's `.pyc` files (and pytest's rewritten test modules) are reused when the source's
/// modification second and size match; make reuses a target newer than its sources. A file
/// rewritten for another commit or a trial within the same second as the previous trial, with
/// the same size (`* 2` → `* 3`), would run stale bytecode. So every file a directory's
/// `TreeSync` changes — by moving to another commit, by writing a revert, or by undoing the
/// previous trial's writes — gets a modification time strictly later, in whole seconds, than
/// any stamp handed out in that directory before. There is one per directory: two stamp
/// sources for one directory (say the warm directory's and a triage runner's) can hand out the
/// same second, and then a file rewritten back carries the time of bytecode compiled from
/// other bytes.
final class RewriteStamps {
    /// The last second handed out.
    private(set) var lastStamp = 0

    /// Makes every later stamp later than `second` too: a directory that outlives this
    /// instance (a warm directory) passes the stamps earlier instances handed out.
    func raise(above second: Int) {
        lastStamp = max(lastStamp, second)
    }

    /// A second later than the clock's and than every stamp handed out before.
    func next() -> Int {
        lastStamp = max(Int(Date().timeIntervalSince1970.rounded(.up)), lastStamp + 1)
        return lastStamp
    }
}
