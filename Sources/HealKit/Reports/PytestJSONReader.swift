import Foundation

/// Reads pytest-json-report's file (`--json-report --json-report-file=F`) one test at a time.
///
/// Ids are the nodeids. A collector that failed (a module that did not import) becomes an
/// `error` case named by its nodeid, so its tests are not silently missing.
enum PytestJSONReader {
    static func read(path: String, into builder: inout ReportBuilder, repositoryRoot: String?) throws {
        var pytestRoot: String?
        var sawTests = false
        let scanner = JSONElementScanner(arrayKeys: ["tests", "collectors"])
        try scanner.scan(path: path) { event in
            switch event {
            case .string(key: "root", value: let value):
                pytestRoot = value
            case .string:
                break
            case .element(key: let key, bytes: let bytes, line: let line, column: let column):
                let position = SourcePosition(file: path, line: line, column: column)
                switch JSONElementScanner.object(bytes) {
                case .failure(let error):
                    builder.problem("a \(key ?? "test") entry was skipped: \(error.reason)", at: position)
                case .success(let object) where key == "collectors":
                    addCollector(object, into: &builder, at: position)
                case .success(let object):
                    sawTests = true
                    addTest(object, into: &builder, at: position,
                            fileBase: base(pytestRoot: pytestRoot, repositoryRoot: repositoryRoot))
                }
            }
        }
        if !sawTests && builder.store.count == 0 && pytestRoot == nil {
            throw ReportReadError(file: path, problem: "no \"tests\" array: this is not a pytest-json-report file",
                                  hint: "Write it with `pytest --json-report --json-report-file=PATH`, or pass the right --format.")
        }
    }

    /// The folder of pytest's rootdir relative to the repository, to make nodeid paths
    /// repository-relative.
    private static func base(pytestRoot: String?, repositoryRoot: String?) -> String {
        guard let pytestRoot, let repositoryRoot else { return "" }
        let root = repositoryRoot.hasSuffix("/") ? repositoryRoot : repositoryRoot + "/"
        return pytestRoot.hasPrefix(root) ? String(pytestRoot.dropFirst(root.count)) + "/" : ""
    }

    private static func addTest(_ test: [String: Any], into builder: inout ReportBuilder, at position: SourcePosition,
                                fileBase: String) {
        guard let nodeid = test["nodeid"] as? String, !nodeid.isEmpty else {
            builder.problem("a test without a nodeid was skipped", at: position)
            return
        }
        guard let raw = test["outcome"] as? String, let outcome = outcome(raw) else {
            builder.problem("test '\(nodeid)' has an unknown outcome \(String(describing: test["outcome"])); skipped", at: position)
            return
        }
        let stages = ["setup", "call", "teardown"].compactMap { test[$0] as? [String: Any] }
        let failing = stages.first { ($0["outcome"] as? String).map { $0 != "passed" } ?? false }
        let crash = failing?["crash"] as? [String: Any]
        var output = BoundedText()
        if let longrepr = failing?["longrepr"] as? String { output.append(longrepr) }
        for stage in stages {
            for stream in ["stdout", "stderr", "log"] {
                if let text = stage[stream] as? String, !text.isEmpty { output.append("\n" + text) }
            }
        }
        let durations = stages.compactMap { $0["duration"] as? Double }
        let (prefix, name) = split(nodeid)
        let file = String(nodeid.prefix { $0 != ":" && $0 != "[" })
        builder.add(idPrefix: prefix, name: name,
                    classname: prefix.hasSuffix("::") ? String(prefix.dropLast(2)) : nil,
                    file: file.isEmpty ? nil : fileBase + file, line: (test["lineno"] as? Int).map { $0 + 1 },
                    outcome: outcome, duration: durations.isEmpty ? nil : durations.reduce(0, +),
                    message: crash?["message"] as? String ?? (failing?["longrepr"] as? String).flatMap(firstLine),
                    output: output.text, at: position)
    }

    private static func addCollector(_ collector: [String: Any], into builder: inout ReportBuilder, at position: SourcePosition) {
        guard let nodeid = collector["nodeid"] as? String, !nodeid.isEmpty,
              let outcome = collector["outcome"] as? String, outcome == "failed" else { return }
        let longrepr = collector["longrepr"] as? String
        builder.add(idPrefix: "", name: nodeid, classname: nil, file: nodeid.hasSuffix(".py") ? nodeid : nil, line: nil,
                    outcome: .error, duration: nil, message: longrepr.flatMap(lastLine) ?? "collection failed",
                    output: longrepr, at: position)
    }

    /// Splits a nodeid before its last `::` that is outside the parameter brackets.
    static func split(_ nodeid: String) -> (prefix: String, name: String) {
        let beforeParameters = nodeid.firstIndex(of: "[") ?? nodeid.endIndex
        guard let separator = nodeid[..<beforeParameters].range(of: "::", options: .backwards) else { return ("", nodeid) }
        return (String(nodeid[..<separator.upperBound]), String(nodeid[separator.upperBound...]))
    }

    private static func outcome(_ raw: String) -> TestOutcome? {
        switch raw {
        case "passed": .passed
        case "failed": .failed
        case "error": .error
        case "skipped": .skipped
        case "xfailed": .xfailed
        case "xpassed": .xpassed
        default: nil
        }
    }

    private static func firstLine(_ text: String) -> String? {
        text.split(separator: "\n").first.map(String.init)
    }

    private static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last.map(String.init)
    }
}
