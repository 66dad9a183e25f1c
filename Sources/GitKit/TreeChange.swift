import CLibGit2
import Foundation

/// One side of a changed path: what the tree entry names.
struct TreeEntrySide: Sendable {
    var path: GitPath
    var id: ObjectID
    var mode: UInt32

    var isRegularFile: Bool { mode & 0o170000 == 0o100000 }
    var isSubmodule: Bool { mode & 0o170000 == 0o160000 }
}

/// A path whose entry differs between two trees, before any content is read: the tree-level
/// delta that the rest of the diff is planned from.
struct TreeChange: Sendable {
    var status: FileStatus
    /// Absent for an added file.
    var old: TreeEntrySide?
    /// Absent for a deleted file.
    var new: TreeEntrySide?
}

extension Repository {
    /// The entries that differ between two trees, in path order, without reading any blob.
    ///
    /// This is `git diff-tree -r` as libgit2 computes it: unchanged subtrees are skipped by id,
    /// and no rename detection or content diff happens here.
    func treeChanges(_ oldTree: ObjectID, _ newTree: ObjectID, paths: [String]) throws(GitError) -> [TreeChange] {
        let old = try lookupTree(oldTree)
        defer { git_tree_free(old) }
        let new = try lookupTree(newTree)
        defer { git_tree_free(new) }

        var opts = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        opts.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        let cStrings: [UnsafeMutablePointer<CChar>?] = paths.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var array = cStrings
        let diff = try array.withUnsafeMutableBufferPointer { (buffer) throws(GitError) -> OpaquePointer in
            opts.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            var diff: OpaquePointer?
            try shallowAware("git_diff_tree_to_tree", git_diff_tree_to_tree(&diff, pointer, old, new, &opts), what: "a tree entry")
            return diff!
        }
        defer { git_diff_free(diff) }

        let count = git_diff_num_deltas(diff)
        var changes: [TreeChange] = []
        changes.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee,
                  let status = Self.status(delta.status) else { continue }
            changes.append(TreeChange(
                status: status,
                old: status == .added ? nil : Self.side(delta.old_file),
                new: status == .deleted ? nil : Self.side(delta.new_file)))
        }
        return changes
    }

    private static func side(_ file: git_diff_file) -> TreeEntrySide {
        TreeEntrySide(path: path(file.path), id: ObjectID(file.id), mode: UInt32(file.mode))
    }
}
