import Foundation

/// Reads coverage.py's `coverage json` report. With `--show-contexts` over data measured with
/// `--cov-context=test`, each line lists the contexts that ran it — pytest node ids with a
/// `|setup`, `|run` or `|teardown` suffix, or "" for import time — and the map is per test.
enum CoveragePyReader {
    struct Report: Decodable {
        var files: [String: File]
    }

    struct File: Decodable {
        var executedLines: [Int]
        var contexts: [String: [String]]?

        enum CodingKeys: String, CodingKey {
            case executedLines = "executed_lines"
            case contexts
        }
    }

    static let phaseSuffixes = ["|run", "|setup", "|teardown"]

    static func read(_ data: Data, file: String, paths: PathNormalizer) throws -> CoverageMap {
        let report = try JSONReading.decode(Report.self, from: data, file: file,
                                            expected: "a coverage.py JSON report with `files.<path>.executed_lines`")
        var tests: [String: CoveredLines] = [:]
        var outside: CoveredLines = [:]
        for (raw, entry) in report.files {
            guard let path = paths.normalize(raw) else { continue }
            guard let contexts = entry.contexts else {
                outside[path, default: []].formUnion(entry.executedLines)
                continue
            }
            for (lineKey, names) in contexts {
                guard let line = Int(lineKey) else {
                    throw CoverageFileError(file: file, problem: "expected line numbers as keys of `files.\(raw).contexts`, found `\(lineKey)`",
                                            fix: "Regenerate the report with `coverage json --show-contexts`")
                }
                for name in names {
                    let test = testID(name)
                    if test.isEmpty {
                        outside[path, default: []].insert(line)
                    } else {
                        tests[test, default: [:]][path, default: []].insert(line)
                    }
                }
            }
        }
        return CoverageMap(isPerTest: !tests.isEmpty, tests: tests, outsideTests: outside)
    }

    /// `tests/test_x.py::test_a|run` → `tests/test_x.py::test_a`.
    static func testID(_ context: String) -> String {
        for suffix in phaseSuffixes where context.hasSuffix(suffix) {
            return String(context.dropLast(suffix.count))
        }
        return context
    }
}
