import Foundation

/// The exact state of a few files and directory trees, read without following links: each
/// path's kind, permission bits, and bytes (a link's target). What the integrity checks compare
/// before and after an agent or a verification runs, and what heal puts back from.
struct FileTreeState: Equatable {
    struct Entry: Equatable {
        var kind: FileInfo.Kind
        var permissions: mode_t
        /// A file's bytes or a link's target; nil for a directory or special file.
        var content: Data?
    }

    /// Absolute path → entry; a missing path has no entry.
    var entries: [String: Entry] = [:]

    /// Files larger than this are compared by size and change time instead of bytes.
    static let maxContentBytes = 4 << 20

    /// The state of each of `paths` (a file, a link, or a directory with everything in it);
    /// missing ones are simply absent.
    init(_ paths: [String]) {
        for path in paths {
            let parent = (path as NSString).deletingLastPathComponent
            guard let handle = try? DirectoryHandle.open(parent) else { continue }
            capture(Array((path as NSString).lastPathComponent.utf8), in: handle, path: path, depth: 0)
        }
    }

    /// The paths that differ in `later`: changed, added or removed, sorted.
    func changedPaths(in later: FileTreeState) -> [String] {
        Set(entries.keys).union(later.entries.keys).filter { entries[$0] != later.entries[$0] }.sorted()
    }

    private mutating func capture(_ name: [UInt8], in parent: DirectoryHandle, path: String, depth: Int) {
        guard let info = parent.info(name) else { return }
        var content: Data?
        switch info.kind {
        case .regular:
            content = info.size <= Self.maxContentBytes ? try? parent.read(name, limit: Self.maxContentBytes)
                : Data("\(info.size) bytes, changed \(info.changed)".utf8)
        case .symlink:
            content = (try? parent.linkTarget(name)).map { Data($0) }
        case .directory where depth < SafeRemoval.maxDepth:
            if let directory = try? parent.directory(name), let names = try? directory.names() {
                for child in names {
                    capture(child, in: directory, path: path + "/" + String(decoding: child, as: UTF8.self), depth: depth + 1)
                }
            }
        case .directory, .special:
            break
        }
        entries[path] = Entry(kind: info.kind, permissions: info.permissions, content: content)
    }
}
