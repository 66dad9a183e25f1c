import Foundation
import GitKit

/// A directory holding a commit's tree as plain files, written and kept in step by heal itself
/// — no `.git`, no index, no administrative entry in the user's repository, so there is nothing
/// in it that points back to the repository or that heal would later act on.
///
/// Every write goes through `DirectoryHandle` (no link is ever followed) and uses the blobs'
/// exact bytes (no filters, no line-ending conversion, nothing from the repository's config).
/// `sync` can be called again with another tree: only paths whose entry changed, or whose file
/// is no longer what heal wrote there (a test run rewrote it), are written again, so build
/// caches that runs leave beside the tracked files survive, as in a reused checkout.
final class TreeSync {
    /// What heal wrote at one path, and how the file looked right after.
    struct Written: Equatable {
        var mode: FileMode
        /// The blob written; nil for a path whose content came from an override.
        var id: ObjectID?
        var info: FileInfo?
    }

    let directory: String
    /// The tree the directory holds since the last `sync` (or `adopt`).
    var tree: ObjectID?
    /// Repository path → what heal last wrote there.
    var written: [String: Written] = [:]
    /// The modification times given to what `sync` rewrites.
    let stamps = RewriteStamps()

    /// `directory` must exist; it is usually empty.
    init(directory: String) {
        self.directory = directory
    }

    /// Makes the directory hold `tree` of `repository`, with `overrides` (repository path →
    /// contents, nil to delete) written over it; returns the paths written or removed. Files
    /// written get a fresh stamp (see `RewriteStamps`).
    ///
    /// - Throws: `TreeExportError` for a tree path heal will not write (`..`, `.git`, not
    ///   UTF-8); `FileSystemError` when writing fails.
    @discardableResult
    func sync(to tree: ObjectID, in repository: Repository, overrides: [String: Data?] = [:]) throws -> Set<String> {
        var desired: [String: TreeEntry] = [:]
        var order: [String] = []
        for entry in try repository.treeEntries(tree) {
            let path = try Self.checkedPath(entry.path)
            desired[path] = entry
            order.append(path)
        }
        for path in overrides.keys { _ = try Self.checkedPath(GitPath(path)) }
        let root = try DirectoryHandle.open(directory)
        var parents = ParentCache(root: root)
        var changed: Set<String> = []

        for path in written.keys.sorted() where desired[path] == nil || overrides[path] == .some(nil) {
            if let (parent, name) = try parents.existing(path) { try SafeRemoval.removeEntry(name, in: parent) }
            written[path] = nil
            changed.insert(path)
        }
        for path in overrides.keys.sorted() where overrides[path] == .some(nil) && desired[path] == nil {
            if let (parent, name) = try parents.existing(path) { try SafeRemoval.removeEntry(name, in: parent) }
            changed.insert(path)
        }
        parents = ParentCache(root: root)
        // Links last: on a case-insensitive file system a link must not stand where a later
        // file's directory would be written through it.
        let files = order.filter { desired[$0]!.mode != .symlink } + order.filter { desired[$0]!.mode == .symlink }
        for path in files {
            let entry = desired[path]!
            let override = overrides[path]
            if override == .some(nil) { continue }
            let (parent, name) = try parents.creating(path)
            if override == nil, let last = written[path], last.mode == entry.mode, last.id == entry.id,
               last.info == parent.info(name) {
                continue
            }
            try SafeRemoval.removeEntry(name, in: parent)
            let content = try override.flatMap { $0 } ?? repository.blob(entry.id)
            try Self.write(content, mode: entry.mode, name: name, in: parent)
            written[path] = Written(mode: entry.mode, id: override == nil ? entry.id : nil, info: parent.info(name))
            changed.insert(path)
        }
        for (path, content) in overrides.sorted(by: { $0.key < $1.key }) where desired[path] == nil {
            guard let content else { continue }
            let (parent, name) = try parents.creating(path)
            try SafeRemoval.removeEntry(name, in: parent)
            try Self.write(content, mode: .regular, name: name, in: parent)
            written[path] = Written(mode: .regular, id: nil, info: parent.info(name))
            changed.insert(path)
        }
        self.tree = tree
        if !changed.isEmpty { try setModificationTime(of: changed, seconds: stamps.next()) }
        return changed
    }

    /// Gives the regular files among `paths` the modification time `seconds` (since 1970), and
    /// records them as heal's own write, so the next `sync` does not take them for a test run's.
    private func setModificationTime(of paths: Set<String>, seconds: Int) throws {
        var parents = ParentCache(root: try DirectoryHandle.open(directory))
        for path in paths.sorted() {
            guard let (parent, name) = try parents.existing(path), parent.info(name)?.kind == .regular else { continue }
            parent.setModificationTime(name, seconds: seconds)
            written[path]?.info = parent.info(name)
        }
    }

    private static func write(_ content: Data, mode: FileMode, name: [UInt8], in parent: DirectoryHandle) throws(FileSystemError) {
        switch mode {
        case .symlink: try parent.createSymlink(name, target: Array(content))
        // An uninitialised submodule is an empty directory, as git leaves it.
        case .submodule: try parent.makeDirectory(name)
        case .executable: try parent.createFile(name, data: content, mode: 0o755)
        default: try parent.createFile(name, data: content, mode: 0o644)
        }
    }

    /// The path as text, refusing what no checkout should write: empty, `.` or `..`
    /// components, `.git` in any case, names that are not UTF-8.
    static func checkedPath(_ path: GitPath) throws(TreeExportError) -> String {
        guard path.isValidUTF8 else { throw TreeExportError(path: path.string, problem: "is not valid UTF-8") }
        let text = path.string
        for component in text.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." {
                throw TreeExportError(path: text, problem: "has an empty, `.` or `..` component")
            }
            if component.lowercased() == ".git" {
                throw TreeExportError(path: text, problem: "reaches into a `.git` directory")
            }
        }
        return text
    }
}

/// A tree path heal refuses to write.
struct TreeExportError: Error, CustomStringConvertible, Equatable {
    var path: String
    var problem: String
    var description: String { "cannot write `\(path)` from the tree: it \(problem)" }
}

/// The directory handle of each path's parent, opened from the root without following links;
/// the last one is kept, since a tree lists a directory's files together.
struct ParentCache {
    let root: DirectoryHandle
    private var last: (components: [[UInt8]], handle: DirectoryHandle)?

    init(root: DirectoryHandle) { self.root = root }

    /// The parent of `path` and its last component, or nil when a directory on the way is
    /// missing or is not a directory (so nothing is at the path).
    mutating func existing(_ path: String) throws -> (DirectoryHandle, [UInt8])? {
        let (components, name) = split(path)
        if let last, last.components == components { return (last.handle, name) }
        var current = root
        for component in components {
            guard current.info(component)?.kind == .directory else { return nil }
            current = try current.directory(component)
        }
        last = (components, current)
        return (current, name)
    }

    /// The parent of `path`, creating directories on the way and replacing whatever else
    /// stands where one must be; with the path's last component.
    mutating func creating(_ path: String) throws -> (DirectoryHandle, [UInt8]) {
        let (components, name) = split(path)
        if let last, last.components == components { return (last.handle, name) }
        var current = root
        for component in components {
            switch current.info(component)?.kind {
            case .directory?: break
            case nil: try current.makeDirectory(component)
            default:
                try SafeRemoval.removeEntry(component, in: current)
                try current.makeDirectory(component)
            }
            current = try current.directory(component)
        }
        last = (components, current)
        return (current, name)
    }

    private func split(_ path: String) -> ([[UInt8]], [UInt8]) {
        var components = path.split(separator: "/").map { Array($0.utf8) }
        let name = components.removeLast()
        return (components, name)
    }
}
