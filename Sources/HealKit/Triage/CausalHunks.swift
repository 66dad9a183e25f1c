import GitKit

/// Picks the hunks of a diff that can have caused a test failure, before delta debugging.
///
/// The diff should be made with `includeLines: true` and `contextLines: 0`; coverage is on the
/// new side (the failing code), keyed by repository path.
public enum CausalHunks {
    /// The hunks the coverage executes: a hunk whose added lines include a covered line, or — a
    /// pure deletion, which has no new line of its own — whose deleted block borders one (the
    /// new-side line just before or after it).
    public static func covered(diff files: [FileDiff], coverage: CoveredLines) -> [HunkRef] {
        HunkRef.all(in: files).filter { ref in
            let file = files[ref.fileIndex]
            guard file.status != .deleted, let lines = coverage[file.newPath.string] else { return false }
            return touchedLines(file.hunks[ref.hunkIndex]).contains { lines.contains($0) }
        }
    }

    /// The candidates for the failure: the covered hunks when coverage is given and touches
    /// any; otherwise the hunks of files the failure output names; otherwise the whole diff.
    /// Only the coverage basis has high confidence.
    public static func select(diff files: [FileDiff], coverage: CoveredLines?, failureOutput: String?) -> CausalSelection {
        let all = HunkRef.all(in: files)
        let total = "\(all.count) changed hunk\(all.count == 1 ? "" : "s")"
        var lowReason = "no coverage for the test"
        if let coverage {
            let hits = covered(diff: files, coverage: coverage)
            if !hits.isEmpty {
                return CausalSelection(
                    hunks: hits, basis: .coverage, confidence: .high,
                    reason: "coverage: the failing test executes \(hits.count) of \(total) (\(fileList(hits, files)))")
            }
            lowReason = "the test's coverage executes none of the \(total)"
        }
        let paths = files.map(\.path.string)
        let named = Set(FailureOutputPaths.match(FailureOutputPaths.mentioned(in: failureOutput ?? ""), against: paths))
        let fromOutput = all.filter { named.contains(paths[$0.fileIndex]) }
        if !fromOutput.isEmpty {
            return CausalSelection(
                hunks: fromOutput, basis: .failureOutput, confidence: .low,
                reason: "low confidence: \(lowReason); \(fromOutput.count) of \(total) in files the failure output names (\(fileList(fromOutput, files)))")
        }
        return CausalSelection(
            hunks: all, basis: .wholeDiff, confidence: .low,
            reason: "low confidence: \(lowReason) and the failure output names no changed file; all \(total)")
    }

    /// The new-side lines whose coverage implicates `hunk`: its added lines when it has any;
    /// for a pure deletion, both new-side neighbours of each run of deleted lines.
    ///
    /// An edit is judged by its added lines alone: the line above an edited block is often a
    /// declaration (a `def`, a signature) that runs at import time and so counts as covered for
    /// every test, which would make every test "execute" every edit of a first statement.
    static func touchedLines(_ hunk: Hunk) -> Set<Int> {
        guard !hunk.lines.isEmpty else {
            // Without lines (zero context assumed): the header's new range is the added lines;
            // a pure deletion's header names the new line just before it.
            if hunk.newLines > 0 { return Set(hunk.newStart..<hunk.newStart + hunk.newLines) }
            return Set([hunk.newStart, hunk.newStart + 1]).subtracting([0])
        }
        let added = Set(hunk.lines.compactMap { $0.origin == .added ? $0.newLine : nil })
        if !added.isEmpty { return added }
        var touched: Set<Int> = []
        // A pure deletion's header new start is the line before it; context lines move it on.
        var previousNewLine = hunk.newStart
        var inDeletion = false
        for line in hunk.lines {
            switch line.origin {
            case .deleted:
                if !inDeletion {
                    touched.insert(previousNewLine)
                    touched.insert(previousNewLine + 1)
                }
                inDeletion = true
            case .added, .context:
                if let number = line.newLine { previousNewLine = number }
                inDeletion = false
            }
        }
        touched.remove(0)
        return touched
    }

    private static func fileList(_ refs: [HunkRef], _ files: [FileDiff]) -> String {
        var names: [String] = []
        for ref in refs where !names.contains(files[ref.fileIndex].path.string) {
            names.append(files[ref.fileIndex].path.string)
        }
        let shown = names.prefix(3).joined(separator: ", ")
        return names.count > 3 ? "\(shown) and \(names.count - 3) more" : shown
    }
}
