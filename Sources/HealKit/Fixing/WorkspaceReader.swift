import Foundation
import GitKit

/// Reads back what an agent left in its workspace, heal's own way: a walk of the directory
/// with `lstat` that never follows a link, nothing taken from the workspace's `.git` (its index,
/// its commits, its ignore files and config are the agent's to write). What comes out is the
/// list of files heal builds the candidate tree from, and what it refuses to build one from.
///
/// - A file heal wrote and that is still exactly as written (same inode, size, mode and change
///   time — which no writer can set back) is the deploy's blob, unread.
/// - A new path that the deploy's committed ignore rules or heal's runner-artefact rules ignore
///   (`judge`) is left out, and so is everything below an ignored directory that holds no
///   tracked file: caches and build output are not the agent's change.
/// - A `.git` anywhere but the workspace's root, a FIFO, socket or device, a new name with a
///   control character, backtick or bidi control, a file over `maxFileBytes` and a workspace
///   over the total limits are violations.
struct WorkspaceReader {
    struct Limits {
        var maxFileBytes = 4 << 20
        var maxTotalBytes = 64 << 20
        var maxEntries = 200_000
        var maxDepth = 64
    }

    /// One file as read back.
    enum Entry: Equatable {
        /// Untouched since heal wrote it: the deploy's entry.
        case unchanged(TreeEntry)
        case file(Data, executable: Bool)
        case symlink(target: Data)
    }

    struct Contents {
        var entries: [String: Entry] = [:]
        var violations: [ScopeViolation] = []
        /// New paths left out as ignored (files, or whole directories ending in `/`).
        var ignored: [String] = []
    }

    let root: String
    /// The deploy's files by path.
    let deploy: [String: TreeEntry]
    /// What heal wrote at each path when it made the workspace.
    let written: [String: TreeSync.Written]
    /// Answers whether a new path is ignored (see `Repository.ignoreJudge`).
    let judge: Repository
    var limits = Limits()

    private var trackedDirectories: Set<String> {
        var directories: Set<String> = []
        for path in deploy.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return directories
    }

    func read() throws -> Contents {
        var walk = Walk(reader: self, tracked: trackedDirectories)
        try walk.directory(try DirectoryHandle.open(root), prefix: "", depth: 0)
        return walk.contents
    }

    /// The state of one read-back: what was found and how much was read.
    private struct Walk {
        let reader: WorkspaceReader
        let tracked: Set<String>
        var contents = Contents()
        var entriesSeen = 0
        var bytesRead = 0
        var stopped = false

        mutating func directory(_ handle: DirectoryHandle, prefix: String, depth: Int) throws {
            for name in try handle.names().sorted(by: { $0.lexicographicallyPrecedes($1) }) where !stopped {
                if prefix.isEmpty && name == Array(".git".utf8) { continue }
                entriesSeen += 1
                if entriesSeen > reader.limits.maxEntries {
                    stop(.tooLarge, nil, "the workspace holds more than \(reader.limits.maxEntries) files and directories")
                    return
                }
                guard let info = handle.info(name) else { continue }
                let path = prefix + String(decoding: name, as: UTF8.self)
                try entry(name, path: path, info: info, in: handle, depth: depth)
            }
        }

        private mutating func entry(_ name: [UInt8], path: String, info: FileInfo, in handle: DirectoryHandle,
                                    depth: Int) throws {
            let deployed = reader.deploy[path]
            if PathSafety.isGitDirectory(name) {
                return violation(.pathEscape, path, "is a `.git` inside the workspace; fixes may not add or change git's own files")
            }
            if info.kind == .directory {
                return try subdirectory(name, path: path, in: handle, depth: depth)
            }
            if deployed == nil {
                if try reader.judge.isIgnored(path) { return contents.ignored.append(path) }
                if let problem = PathSafety.problem(name) { return violation(.unsafePath, path, problem) }
            }
            switch info.kind {
            case .regular:
                if let deployed, let last = reader.written[path], last.id == deployed.id, last.info == info {
                    contents.entries[path] = .unchanged(deployed)
                    return
                }
                guard info.size <= reader.limits.maxFileBytes else {
                    return violation(.tooLarge, path, "is \(info.size) bytes; heal reads back files of at most \(reader.limits.maxFileBytes)")
                }
                guard bytesRead + info.size <= reader.limits.maxTotalBytes else {
                    return stop(.tooLarge, path, "the agent's files add up to more than \(reader.limits.maxTotalBytes) bytes")
                }
                let data = try handle.read(name, limit: reader.limits.maxFileBytes)
                bytesRead += data.count
                contents.entries[path] = .file(data, executable: info.isExecutable)
            case .symlink:
                contents.entries[path] = .symlink(target: Data(try handle.linkTarget(name)))
            case .special, .directory:
                violation(.specialFile, path, "is a FIFO, socket or device; a fix holds only files")
            }
        }

        private mutating func subdirectory(_ name: [UInt8], path: String, in handle: DirectoryHandle, depth: Int) throws {
            // A submodule's directory is opaque: its gitlink stays as the deploy has it.
            if let deployed = reader.deploy[path], deployed.mode == .submodule {
                contents.entries[path] = .unchanged(deployed)
                return
            }
            if !tracked.contains(path) {
                if try reader.judge.isIgnored(path + "/") { return contents.ignored.append(path + "/") }
                if let problem = PathSafety.problem(name) { return violation(.unsafePath, path, problem) }
            }
            guard depth < reader.limits.maxDepth else {
                return violation(.tooLarge, path, "is nested more than \(reader.limits.maxDepth) directories deep")
            }
            try directory(try handle.directory(name), prefix: path + "/", depth: depth + 1)
        }

        private mutating func violation(_ rule: ScopeViolation.Rule, _ path: String?, _ message: String) {
            contents.violations.append(ScopeViolation(rule: rule, path: path, message: message))
        }

        private mutating func stop(_ rule: ScopeViolation.Rule, _ path: String?, _ message: String) {
            violation(rule, path, message)
            stopped = true
        }
    }
}
