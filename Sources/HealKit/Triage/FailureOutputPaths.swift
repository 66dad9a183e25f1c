import Foundation

/// Finds the source files a failure output names: Python tracebacks (`File "path", line N`),
/// pytest's `path:line:` lines, and the `path:line[:column]` form of Swift, Go, Rust, Java and
/// JavaScript stack traces and compiler errors.
public enum FailureOutputPaths {
    /// The paths named in `output`, first mention first, without duplicates.
    public static func mentioned(in output: String) -> [String] {
        var seen: Set<String> = []
        var paths: [(offset: String.Index, path: String)] = []
        func add(_ raw: Substring, at offset: String.Index) {
            let path = clean(raw)
            guard !path.isEmpty, seen.insert(path).inserted else { return }
            paths.append((offset, path))
        }
        for match in output.matches(of: #/File "(?<path>[^"\n]+)", line \d+/#) {
            add(match.output.path, at: match.range.lowerBound)
        }
        let located = #/(?<path>[^\s:()"'<>\[\],;=]*[^\s:()"'<>\[\],;=.]\.[A-Za-z][A-Za-z0-9+_]*):\d+/#
        for match in output.matches(of: located) {
            add(match.output.path, at: match.range.lowerBound)
        }
        return paths.sorted { $0.offset < $1.offset }.map(\.path)
    }

    /// The paths in `candidates` (repository paths) that a mention refers to: the same path,
    /// or one is the other with leading directories (an absolute path, a checkout prefix, or a
    /// path relative to a package directory).
    public static func match(_ mentions: [String], against candidates: [String]) -> [String] {
        candidates.filter { candidate in
            mentions.contains { mention in
                mention == candidate || mention.hasSuffix("/" + candidate) || candidate.hasSuffix("/" + mention)
            }
        }
    }

    private static func clean(_ raw: Substring) -> String {
        var path = String(raw).replacingOccurrences(of: "\\", with: "/")
        if path.hasPrefix("file://") { path.removeFirst("file://".count) }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
