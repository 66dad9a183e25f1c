import GitKit

/// The human form of `heal diff`: a `git diff --stat`-like line per file, then its hunk headers.
public enum DiffSummary {
    /// Renders a diff made with `includeLines` (the counts come from the lines).
    public static func render(_ diff: TreeDiff) -> String {
        var out = "diff \(diff.before.short(12))..\(diff.after.short(12))\n"
        var added = 0
        var deleted = 0
        for file in diff.files {
            let lines = file.hunks.flatMap(\.lines)
            let plus = lines.filter { $0.origin == .added }.count
            let minus = lines.filter { $0.origin == .deleted }.count
            added += plus
            deleted += minus
            var name = file.path.string
            if file.status == .renamed || file.status == .copied {
                name = "\(file.oldPath.string) => \(file.newPath.string) (\(file.similarity)%)"
            }
            let change = file.isBinary ? "Bin" : "+\(plus) -\(minus)"
            var modeNote = ""
            if file.oldMode != file.newMode && file.oldMode != .absent && file.newMode != .absent {
                modeNote = " mode \(file.oldMode.octal) => \(file.newMode.octal)"
            }
            out += " \(statusLetter(file.status)) \(name) | \(change)\(modeNote)\n"
            for hunk in file.hunks {
                out += "     \(hunk.header)\n"
            }
        }
        let plural = diff.files.count == 1 ? "" : "s"
        out += " \(diff.files.count) file\(plural) changed, \(added) insertions(+), \(deleted) deletions(-)\n"
        return out
    }

    static func statusLetter(_ status: FileStatus) -> String {
        switch status {
        case .added: "A"
        case .deleted: "D"
        case .modified: "M"
        case .renamed: "R"
        case .copied: "C"
        case .typechange: "T"
        }
    }
}
