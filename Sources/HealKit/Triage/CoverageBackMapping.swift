import GitKit

/// Carries coverage measured at a later commit back to an earlier one through the diff between
/// them, so a single `--coverage` report taken at the deploy still selects the hunks of a culprit
/// commit further back.
enum CoverageBackMapping {
    /// `map` (measured at the new side of `files`) in the old side's line numbers: lines the diff
    /// added are dropped (the old side doesn't have them), the rest shift by the hunks above
    /// them, files the diff added disappear and renamed files take their old path.
    static func map(_ map: CoverageMap, through files: [FileDiff]) -> CoverageMap {
        var byNewPath: [String: FileDiff] = [:]
        for file in files where file.status != .deleted { byNewPath[file.newPath.string] = file }
        func back(_ lines: CoveredLines) -> CoveredLines {
            var result: CoveredLines = [:]
            for (path, numbers) in lines {
                guard let file = byNewPath[path] else {
                    result[path, default: []].formUnion(numbers)
                    continue
                }
                guard file.status != .added else { continue }
                let hunks = file.hunks.sorted { $0.newStart < $1.newStart }
                result[file.oldPath.string, default: []].formUnion(numbers.compactMap { oldLine(of: $0, hunks) })
            }
            return result
        }
        return CoverageMap(isPerTest: map.isPerTest, tests: map.tests.mapValues(back), outsideTests: back(map.outsideTests))
    }

    /// The old-side number of new-side line `line`, or nil when a hunk added it. `hunks` are
    /// zero-context and sorted by new start.
    static func oldLine(of line: Int, _ hunks: [Hunk]) -> Int? {
        var delta = 0
        for hunk in hunks {
            if hunk.newLines == 0 {
                // A pure deletion sits after its new start line.
                guard line > hunk.newStart else { break }
                delta += hunk.oldLines
            } else {
                guard line >= hunk.newStart else { break }
                if line < hunk.newStart + hunk.newLines { return nil }
                delta += hunk.oldLines - hunk.newLines
            }
        }
        return line + delta
    }
}
