import Foundation

/// Reads `llvm-cov export -format=text` JSON: `data[].files[]` with `filename` and `segments`
/// (`[line, column, count, hasCount, isRegionEntry, isGapRegion]`), turned into covered lines the
/// way `llvm-cov` itself does (`LineCoverageStats`), so the lines match its own LCOV output.
enum LLVMCoverageReader {
    struct Export: Decodable {
        var data: [Unit]
    }

    struct Unit: Decodable {
        var files: [File]
    }

    struct File: Decodable {
        var filename: String
        var segments: [Segment]
    }

    struct Segment: Decodable {
        var line: Int
        var count: Double
        var hasCount: Bool
        var isRegionEntry: Bool
        var isGapRegion: Bool

        init(line: Int, count: Double, hasCount: Bool, isRegionEntry: Bool, isGapRegion: Bool) {
            self.line = line
            self.count = count
            self.hasCount = hasCount
            self.isRegionEntry = isRegionEntry
            self.isGapRegion = isGapRegion
        }

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            line = try fields.decode(Int.self)
            _ = try fields.decode(Int.self)
            count = try fields.decode(Double.self)
            hasCount = try fields.decode(Bool.self)
            isRegionEntry = try fields.decode(Bool.self)
            // Exports before LLVM 9 have five fields and no gap regions.
            isGapRegion = fields.isAtEnd ? false : try fields.decode(Bool.self)
        }

        /// A segment that opens a counted, non-gap region.
        var startsRegion: Bool { !isGapRegion && hasCount && isRegionEntry }
    }

    static func read(_ data: Data, file: String, paths: PathNormalizer) throws -> CoverageMap {
        let export = try JSONReading.decode(Export.self, from: data, file: file,
                                            expected: "an llvm-cov export JSON object with `data[].files[].segments`")
        var lines: CoveredLines = [:]
        for unit in export.data {
            for entry in unit.files {
                guard let path = paths.normalize(entry.filename) else { continue }
                lines[path, default: []].formUnion(coveredLines(entry.segments))
            }
        }
        return CoverageMap(isPerTest: false, outsideTests: lines)
    }

    /// The lines with a non-zero execution count, computed as llvm-cov's `LineCoverageIterator`
    /// does: a line's count is the largest of the segment still open from earlier lines and the
    /// regions that start on it; a line that starts a skipped region is not mapped.
    static func coveredLines(_ segments: [Segment]) -> Set<Int> {
        let sorted = segments.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        guard let first = sorted.first, let last = sorted.last else { return [] }
        var covered: Set<Int> = []
        var wrapped: Segment?
        var index = 0
        for line in first.line...last.line {
            var onLine: [Segment] = []
            while index < sorted.count && sorted[index].line == line {
                onLine.append(sorted[index])
                index += 1
            }
            let regionStarts = onLine.filter(\.startsRegion)
            let startsSkipped = onLine.first.map { !$0.hasCount && $0.isRegionEntry } ?? false
            var mapped = !startsSkipped && ((wrapped?.hasCount ?? false) || !regionStarts.isEmpty)
            mapped = mapped || onLine.contains { $0.isRegionEntry && $0.hasCount }
            if mapped {
                var count = wrapped?.count ?? 0
                for segment in regionStarts { count = max(count, segment.count) }
                if count > 0 { covered.insert(line) }
            }
            if let lastOnLine = onLine.last { wrapped = lastOnLine }
        }
        return covered
    }
}
