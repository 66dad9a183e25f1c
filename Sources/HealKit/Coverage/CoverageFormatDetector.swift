import Foundation

/// Recognises a coverage report's format from its first bytes.
enum CoverageFormatDetector {
    static let lcovKeys: Set<String> = ["TN", "SF", "VER", "FN", "FNDA", "FNF", "FNH", "FNL", "FNA", "DA", "BRDA", "BRF", "BRH", "LF", "LH"]

    /// The format of `data`, or nil when it looks like none heal reads.
    static func detect(_ data: Data) -> CoverageFormat? {
        var text = String(decoding: data.prefix(4096), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let body = text.drop { $0.isWhitespace }
        if body.hasPrefix("<") { return .cobertura }
        if body.hasPrefix("{") { return jsonFormat(body) }
        if body.hasPrefix("mode:") { return .go }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine == "end_of_record" { return .lcov }
        if let colon = firstLine.firstIndex(of: ":"), lcovKeys.contains(String(firstLine[..<colon])) { return .lcov }
        return nil
    }

    /// llvm-cov's export starts with `"data"`; coverage.py's with `"meta"` (or `"files"`).
    private static func jsonFormat(_ body: Substring) -> CoverageFormat? {
        guard let match = body.firstMatch(of: #/^\{\s*"(?<key>[^"]*)"/#) else { return nil }
        switch match.output.key {
        case "data", "type", "version": return .llvmJSON
        case "meta", "files", "totals": return .coveragepyJSON
        default: return nil
        }
    }
}
