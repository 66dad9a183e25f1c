import Foundation
import GitKit

/// Keeps build caches in a reused worktree honest.
///
/// Python's `.pyc` files (and pytest's rewritten test modules) are reused when the source's
/// modification second and size match; make reuses a target newer than its sources. A checkout
/// or a reverted file written within the same second as the previous trial, with the same size
/// (`* 2` → `* 3`), would run stale bytecode. So every file a trial changes — by checking out
/// another commit, by writing a revert, or by undoing the previous trial's writes — gets a
/// modification time strictly later, in whole seconds, than any stamp handed out before.
final class RewriteStamps {
    private var checkedOut: ObjectID?
    private var written: Set<String> = []
    private var lastStamp = 0

    /// The paths whose contents differ from the previous trial once `commit` is checked out and
    /// `files` are written.
    func changedPaths(checkingOut commit: ObjectID, writing files: some Collection<String>,
                      in repository: Repository) throws -> Set<String> {
        var paths = written.union(files)
        if let previous = checkedOut, previous != commit {
            for file in try repository.diff(from: previous.hex, to: commit.hex, options: DiffOptions(contextLines: 0)).files {
                paths.insert(file.oldPath.string)
                paths.insert(file.newPath.string)
            }
        }
        checkedOut = commit
        written = Set(files)
        return paths
    }

    /// Stamps the existing files among `paths` (relative to `root`) with a fresh second.
    func stamp(_ paths: Set<String>, under root: String) {
        guard !paths.isEmpty else { return }
        lastStamp = max(Int(Date().timeIntervalSince1970.rounded(.up)), lastStamp + 1)
        let date = Date(timeIntervalSince1970: TimeInterval(lastStamp))
        for path in paths {
            try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: root + "/" + path)
        }
    }
}
