import Foundation
import GitKit

extension ProposedChange {
    /// Builds the change from a diff made with `includeLines: true` (`Repository.diffTrees`
    /// from the deploy's tree to the candidate tree).
    ///
    /// - Throws: `ProposedChangeError` when a text file's hunks carry no lines (the diff was
    ///   made without `includeLines`), since its lines could then not be checked.
    public init(diff: [FileDiff]) throws(ProposedChangeError) {
        var files: [File] = []
        files.reserveCapacity(diff.count)
        for fileDiff in diff {
            files.append(try Self.file(fileDiff))
        }
        self.init(files: files)
    }

    private static func file(_ diff: FileDiff) throws(ProposedChangeError) -> File {
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
        return File(status: diff.status, oldPath: diff.status == .added ? nil : diff.oldPath.string,
                    newPath: diff.status == .deleted ? nil : diff.newPath.string,
                    oldMode: diff.oldMode, newMode: diff.newMode, isBinary: diff.isBinary,
                    addedLines: added, removedLines: removed)
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
