import Foundation
import GitKit

/// Undoes some hunks of a file exactly: with zero-context hunks, each hunk's new lines are
/// replaced by its old lines, copied byte for byte from the old file (line endings and a
/// missing final newline included). No patch, so no fuzz and no context to mismatch.
enum HunkRevert {
    /// `new` with `hunks` (zero-context hunks of the diff from `old` to `new`) undone.
    static func revert(new: Data, old: Data, hunks: [Hunk]) -> Data {
        var lines = split(new)
        let oldLines = split(old)
        for hunk in hunks.sorted(by: { $0.newStart > $1.newStart }) {
            // A pure deletion's new start is the line it follows; otherwise its first line.
            let start = hunk.newLines == 0 ? hunk.newStart : hunk.newStart - 1
            let end = start + hunk.newLines
            let oldStart = hunk.oldLines == 0 ? 0 : hunk.oldStart - 1
            guard start >= 0, end <= lines.count, oldStart + hunk.oldLines <= oldLines.count else { continue }
            lines.replaceSubrange(start..<end, with: oldLines[oldStart..<oldStart + hunk.oldLines])
        }
        return lines.reduce(into: Data()) { $0.append($1) }
    }

    /// The file contents that revert `refs` of `files` (the diff `base` → `head`): repository
    /// path → new contents, or nil where reverting removes a file the diff added.
    static func files(reverting refs: [HunkRef], of files: [FileDiff], base: String, head: String,
                      in repository: Repository) throws(GitError) -> [String: Data?] {
        var result: [String: Data?] = [:]
        for (fileIndex, group) in Dictionary(grouping: refs, by: \.fileIndex) {
            let file = files[fileIndex]
            let old = file.status == .added ? Data() : try repository.blob(at: base, path: file.oldPath.string)
            let new = file.status == .deleted ? Data() : try repository.blob(at: head, path: file.newPath.string)
            let reverted = revert(new: new, old: old, hunks: group.map { file.hunks[$0.hunkIndex] })
            let removesFile = file.status == .added && group.count == file.hunks.count
            result[file.path.string] = removesFile ? Data?.none : reverted
        }
        return result
    }

    /// The lines of `data`, each with its terminating newline (the last may have none).
    static func split(_ data: Data) -> [Data] {
        var lines: [Data] = []
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            lines.append(data[start...index])
            start = index + 1
        }
        if start < data.endIndex { lines.append(data[start...]) }
        return lines
    }
}
