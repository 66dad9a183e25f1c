import Foundation

/// Reads Go coverprofiles: `mode: set|count|atomic`, then `file.go:l1.c1,l2.c2 stmts count`.
/// A block with a count above zero covers every line from `l1` to `l2`. Paths are import paths:
/// the module path from the repository's `go.mod` is cut off, the rest matched by suffix.
enum GoCoverProfileReader {
    static func read(_ data: Data, file: String, paths: PathNormalizer, modulePath: String?) throws -> CoverageMap {
        var lines: CoveredLines = [:]
        var sawMode = false
        var resolved: [String: String?] = [:]
        try forEachLine(of: data) { line, number in
            if line.allSatisfy(\.isWhitespace) { return }
            if line.hasPrefix("mode:") {
                sawMode = true
                return
            }
            guard sawMode else {
                throw CoverageFileError(file: file, line: number, column: 1,
                                        problem: "expected the coverprofile header `mode: set|count|atomic`, found `\(line.prefix(60))`",
                                        fix: "Pass the file `go test -coverprofile=FILE` wrote, or name the format with --format")
            }
            let fields = line.split(separator: " ")
            guard fields.count == 3, let count = parseCount(fields[2]), Int(fields[1]) != nil,
                  let colon = fields[0].lastIndex(of: ":"),
                  let range = blockLines(fields[0][fields[0].index(after: colon)...]) else {
                throw CoverageFileError(file: file, line: number, column: 1,
                                        problem: "expected `file.go:line.col,line.col statements count`, found `\(line.prefix(80))`",
                                        fix: "Regenerate the coverprofile; this line is malformed")
            }
            guard count > 0 else { return }
            var raw = String(fields[0][..<colon])
            if let modulePath, raw.hasPrefix(modulePath + "/") { raw.removeFirst(modulePath.count + 1) }
            if resolved[raw] == nil { resolved[raw] = .some(paths.normalize(raw)) }
            guard let path = resolved[raw] ?? nil else { return }
            lines[path, default: []].formUnion(range)
        }
        guard sawMode else {
            throw CoverageFileError(file: file, problem: "the coverprofile is empty",
                                    fix: "Check that `go test -coverprofile` wrote to this path")
        }
        return CoverageMap(isPerTest: false, outsideTests: lines)
    }

    /// `l1.c1,l2.c2` → `l1...l2`.
    private static func blockLines(_ text: Substring) -> ClosedRange<Int>? {
        let ends = text.split(separator: ",")
        guard ends.count == 2,
              let first = ends[0].split(separator: ".").first.flatMap({ Int($0) }),
              let last = ends[1].split(separator: ".").first.flatMap({ Int($0) }),
              first >= 1, last >= first else { return nil }
        return first...last
    }
}
