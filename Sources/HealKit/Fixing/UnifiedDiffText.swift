import GitKit

/// Renders diffs made with `includeLines` as unified diff text, the form agents, reviewers and
/// `git apply` read.
public enum UnifiedDiffText {
    public static func render(_ files: [FileDiff]) -> String {
        var out = ""
        for file in files {
            let old = file.status == .added ? "/dev/null" : "a/" + file.oldPath.string
            let new = file.status == .deleted ? "/dev/null" : "b/" + file.newPath.string
            out += "diff --git a/\(file.oldPath.string) b/\(file.newPath.string)\n"
            if file.isBinary {
                out += "Binary files \(old) and \(new) differ\n"
                continue
            }
            out += "--- \(old)\n+++ \(new)\n"
            for hunk in file.hunks {
                var header = hunk.header
                while header.hasSuffix("\n") || header.hasSuffix("\r") { header.removeLast() }
                out += header + "\n"
                for line in hunk.lines {
                    let marker = switch line.origin {
                    case .context: " "
                    case .added: "+"
                    case .deleted: "-"
                    }
                    out += marker + line.content + "\n"
                    if line.missingNewlineAtEnd { out += "\\ No newline at end of file\n" }
                }
            }
        }
        return out
    }
}
