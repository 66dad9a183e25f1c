import Foundation

/// The lock files this process holds. A holder in this process is known for sure, so a second
/// one here is told at once; only a lock held elsewhere (another process, or a child forked
/// here that has not exec'd yet) is worth waiting for.
final class HeldLockFiles: @unchecked Sendable {
    private var paths: Set<String> = []
    private let mutex = NSLock()

    /// Marks `path` held; false when this process already holds it.
    func claim(_ path: String) -> Bool {
        mutex.withLock { paths.insert(path).inserted }
    }

    func release(_ path: String) {
        _ = mutex.withLock { paths.remove(path) }
    }
}
