import Foundation
import GitKit

extension ProposedChange {
    /// Builds the change from a diff made with `includeLines: true` (`Repository.diff(from:to:options:)`
    /// or `workingTreeDiff(against:options:)`), checking each path on disk under `worktreeRoot`
    /// for symbolic links and for resolving outside the worktree.
    ///
    /// - Throws: `ProposedChangeError` when a text file's hunks carry no lines (the diff was
    ///   made without `includeLines`), since its lines could then not be checked.
    public init(diff: [FileDiff], worktreeRoot: String) throws(ProposedChangeError) {
        let disk = DiskInspector(root: worktreeRoot)
        var files: [File] = []
        files.reserveCapacity(diff.count)
        for fileDiff in diff {
            files.append(try Self.file(fileDiff, disk: disk))
        }
        self.init(files: files)
    }

    /// The change an agent made in the linked worktree `repository`: everything — committed,
    /// staged, unstaged and untracked — against the fix base `base`.
    public static func inWorktree(_ repository: Repository, against base: String) throws -> ProposedChange {
        guard let root = repository.workingDirectory else {
            throw ProposedChangeError(path: repository.gitDirectory, problem: "the repository has no working tree")
        }
        let diff = try repository.workingTreeDiff(against: base, options: DiffOptions(contextLines: 0, includeLines: true))
        return try ProposedChange(diff: diff, worktreeRoot: root)
    }

    private static func file(_ diff: FileDiff, disk: DiskInspector) throws(ProposedChangeError) -> File {
        let oldPath = diff.status == .added ? nil : diff.oldPath.string
        let newPath = diff.status == .deleted ? nil : diff.newPath.string
        var added: [Line] = []
        var removed: [Line] = []
        for hunk in diff.hunks {
            if hunk.lines.isEmpty, hunk.oldLines + hunk.newLines > 0 {
                throw ProposedChangeError(path: diff.path.string,
                                          problem: "the diff has hunks without lines; make it with DiffOptions(includeLines: true)")
            }
            for line in hunk.lines {
                switch line.origin {
                case .added: added.append(Line(number: line.newLine ?? 0, text: line.content))
                case .deleted: removed.append(Line(number: line.oldLine ?? 0, text: line.content))
                case .context: break
                }
            }
        }
        // Judge on disk the side that exists after the change; a deleted file's directories can
        // still be symbolic links that lead outside.
        let onDisk = disk.inspect(newPath ?? oldPath ?? "")
        return File(status: diff.status, oldPath: oldPath, newPath: newPath,
                    oldMode: diff.oldMode, newMode: diff.newMode, isBinary: diff.isBinary,
                    addedLines: added, removedLines: removed,
                    isSymlinkOnDisk: onDisk.isSymlink, symlinkedDirectory: onDisk.symlinkedDirectory,
                    resolvesOutsideRepository: onDisk.resolvesOutside)
    }
}

/// A diff that cannot be turned into a `ProposedChange`.
public struct ProposedChangeError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Looks at a repository-relative path in a worktree without following it blindly.
struct DiskInspector {
    struct Result {
        var isSymlink = false
        var symlinkedDirectory: String?
        var resolvesOutside = false
    }

    let root: String
    private let resolvedRoot: String

    init(root: String) {
        self.root = root
        resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Walks `path` one component at a time from the root, noting symbolic links, and resolves
    /// the whole path to see whether it stays inside the root.
    func inspect(_ path: String) -> Result {
        var result = Result()
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !path.hasPrefix("/"), !components.isEmpty else {
            result.resolvesOutside = true
            return result
        }
        var current = root
        var prefix: [String] = []
        for (index, component) in components.enumerated() {
            current += "/" + component
            prefix.append(component)
            guard let type = try? FileManager.default.attributesOfItem(atPath: current)[.type] as? FileAttributeType else {
                break
            }
            if type == .typeSymbolicLink {
                if index == components.count - 1 {
                    result.isSymlink = true
                } else if result.symlinkedDirectory == nil {
                    result.symlinkedDirectory = prefix.joined(separator: "/")
                }
            }
        }
        result.resolvesOutside = !isInside(resolve(components))
        return result
    }

    /// The absolute path `components` lead to, following links where they exist on disk.
    private func resolve(_ components: [String]) -> String {
        let full = URL(fileURLWithPath: root).appendingPathComponent(components.joined(separator: "/"))
        return full.resolvingSymlinksInPath().standardizedFileURL.path
    }

    private func isInside(_ path: String) -> Bool {
        path == resolvedRoot || path.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
    }
}
