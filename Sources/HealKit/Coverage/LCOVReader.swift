import Foundation

/// Reads LCOV tracefiles (`TN:`, `SF:`, `DA:line,count[,checksum]`, `end_of_record`).
///
/// Records under a non-empty `TN:` belong to that test; a file with any named test is per
/// test, and its unnamed records count as outside any test. Other record types (`FN`, `BRDA`,
/// `LH`, `VER`…) are skipped.
enum LCOVReader {
    static func read(_ data: Data, file: String, paths: PathNormalizer) throws -> CoverageMap {
        var testName = ""
        var source: String?
        var sawRecord = false
        var byTest: [String: CoveredLines] = [:]
        var resolved: [String: String?] = [:]
        try forEachLine(of: data) { rawLine, number in
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line == "end_of_record" {
                if line == "end_of_record" { source = nil }
                return
            }
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }),
                  colon > line.startIndex else {
                throw CoverageFileError(file: file, line: number, column: 1,
                                        problem: "expected an LCOV line such as `SF:<path>` or `DA:<line>,<count>`, found `\(line.prefix(60))`",
                                        fix: "Pass an LCOV tracefile (lcov --capture, llvm-cov export -format=lcov, coverage lcov) or name the format with --format")
            }
            let value = line[line.index(after: colon)...]
            switch line[..<colon] {
            case "TN":
                testName = value.trimmingCharacters(in: .whitespaces)
            case "SF":
                sawRecord = true
                let raw = String(value)
                if resolved[raw] == nil { resolved[raw] = .some(paths.normalize(raw)) }
                source = resolved[raw] ?? nil
                // A record with no hit still says the test ran and touched nothing in this file.
                if let source, byTest[testName]?[source] == nil { byTest[testName, default: [:]][source] = [] }
            case "DA":
                let fields = value.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count >= 2, let lineNumber = Int(fields[0]), let count = parseCount(fields[1]) else {
                    throw CoverageFileError(file: file, line: number, column: 4,
                                            problem: "expected `DA:<line>,<count>`, found `DA:\(value.prefix(60))`",
                                            fix: "Regenerate the tracefile; this line is malformed")
                }
                guard sawRecord else {
                    throw CoverageFileError(file: file, line: number, column: 1,
                                            problem: "found `DA:` before any `SF:<path>` line",
                                            fix: "Each LCOV record must start with `SF:<source file>`")
                }
                if let source, count > 0, lineNumber > 0 { byTest[testName, default: [:]][source, default: []].insert(lineNumber) }
            default:
                break
            }
        }
        guard sawRecord else {
            throw CoverageFileError(file: file, problem: "found no `SF:` record in the LCOV file",
                                    fix: "Check that the coverage command wrote its report to this path")
        }
        let outside = byTest.removeValue(forKey: "") ?? [:]
        return CoverageMap(isPerTest: !byTest.isEmpty, tests: byTest, outsideTests: outside)
    }
}
