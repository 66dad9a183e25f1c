import Foundation

/// The one way heal deletes files: only paths that lie, once resolved, strictly inside a root
/// heal owns (`<git-common-dir>/heal/`, or the scratch folder of a process run), removed
/// without ever following a symbolic link — a link is removed as a link, and a directory is
/// emptied through descriptors opened with `O_NOFOLLOW`, so nothing an agent planted in a
/// directory (a link to the user's checkout, a folder swapped for one) can redirect a delete.
struct SafeRemoval {
    /// The resolved root.
    let root: String

    /// Directories nested deeper than this are moved up and emptied from there, so a hostile
    /// tree thousands of levels deep needs no more open descriptors than this.
    static let maxDepth = 64

    /// - Throws: when `root` does not exist.
    init(root: String) throws(FileSystemError) {
        guard let resolved = Self.resolve(root) else { throw FileSystemError(operation: "resolve", path: root) }
        self.root = resolved
    }

    /// Removes `path` (a file, a link or a whole directory) if it exists.
    ///
    /// - Throws: `SafeRemovalRefused` when the path does not lie inside the root once its
    ///   parent is resolved; `FileSystemError` when something in it cannot be removed.
    func remove(_ path: String) throws {
        let parentPath = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard path.hasPrefix("/"), !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw SafeRemovalRefused(path: path, root: root)
        }
        // A parent that is gone leaves nothing to remove.
        guard let parent = Self.resolve(parentPath) else { return }
        let relative: [[UInt8]]
        if parent == root {
            relative = []
        } else if parent.hasPrefix(root + "/") {
            relative = parent.dropFirst(root.count + 1).split(separator: "/").map { Array($0.utf8) }
        } else {
            throw SafeRemovalRefused(path: path, root: root)
        }
        // Walk down again from the root without following links: the resolved parent could
        // have been swapped for a link since.
        let directory = try DirectoryHandle.open(root).directory(at: relative)
        try Self.removeEntry(Array(name.utf8), in: directory)
    }

    /// Removes whatever `name` is in `parent`: a file or link by unlinking it, a directory with
    /// everything in it.
    static func removeEntry(_ name: [UInt8], in parent: DirectoryHandle) throws(FileSystemError) {
        guard let info = parent.info(name) else { return }
        guard info.kind == .directory else {
            try parent.remove(name)
            return
        }
        var pending: [[UInt8]] = [name]
        while let next = pending.popLast() {
            try removeDirectory(next, in: parent, depth: 0, spillTo: parent, pending: &pending)
        }
    }

    private static func removeDirectory(_ name: [UInt8], in parent: DirectoryHandle, depth: Int,
                                        spillTo top: DirectoryHandle, pending: inout [[UInt8]]) throws(FileSystemError) {
        let directory: DirectoryHandle
        do {
            directory = try parent.directory(name)
        } catch {
            // A directory the agent made unreadable: give it back to its owner, then retry.
            guard parent.info(name)?.kind == .directory else { return try parent.remove(name) }
            Self.withName(name) { _ = chmodat(parent.descriptor, $0) }
            directory = try parent.directory(name)
        }
        directory.grantOwnerAccess()
        for child in try directory.names() {
            guard let info = directory.info(child) else { continue }
            if info.kind != .directory {
                try directory.remove(child)
            } else if depth < maxDepth {
                try removeDirectory(child, in: directory, depth: depth + 1, spillTo: top, pending: &pending)
            } else {
                let spilled = Array(".heal-removing-\(UUID().uuidString)".utf8)
                try directory.move(child, to: top, as: spilled)
                pending.append(spilled)
            }
        }
        try parent.remove(name, directory: true)
    }

    private static func withName(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> Void) {
        DirectoryHandle.withName(name, body)
    }

    /// `path` with every link resolved, or nil when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `chmod 700` on an entry of a directory (the entry was just seen to be a directory).
private func chmodat(_ directory: Int32, _ name: UnsafePointer<CChar>) -> Int32 {
    fchmodat(directory, name, S_IRWXU, 0)
}

/// A removal heal refuses: the path is not inside heal's own directory.
struct SafeRemovalRefused: Error, CustomStringConvertible, Equatable {
    var path: String
    var root: String
    var description: String {
        "refusing to delete \(path): it does not lie inside \(root), and heal deletes only what it created there"
    }
}
