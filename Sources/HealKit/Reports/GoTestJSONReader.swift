import Foundation

/// Reads `go test -json` (test2json) events, including `build-output`/`build-fail` from newer
/// Go. Ids are `Package/Test`; a package that failed without a failing test (it did not build,
/// `TestMain` or `init` panicked, the binary timed out) becomes an `error` case named by the
/// package, and tests that started but never finished are errors too.
enum GoTestJSONReader {
    private struct Running {
        var package: String
        var test: String
        var output = BoundedText()
        var line: Int
    }

    static func read(path: String, into builder: inout ReportBuilder) throws {
        var lines = try LineReader(path: path)
        defer { lines.close() }
        var running: [String: Running] = [:]
        var packageOutput: [String: BoundedText] = [:]
        var failedTests: Set<String> = []
        var sawEvent = false
        var plain = GoPlainBuildOutput()
        while let bytes = try lines.next() {
            // test2json passes through lines it could not parse; they are not events, but before
            // Go 1.24 they are all a build failure leaves (see `GoPlainBuildOutput`).
            guard bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{") else {
                plain.read(String(decoding: bytes, as: UTF8.self), line: lines.lineNumber)
                continue
            }
            let position = SourcePosition(file: path, line: lines.lineNumber)
            guard case .success(let event) = JSONElementScanner.object(Array(bytes)) else {
                builder.problem("a line that is not a JSON event was skipped", at: position)
                continue
            }
            guard let action = event["Action"] as? String else { continue }
            sawEvent = true
            let importPath = (event["ImportPath"] as? String).map { String($0.prefix { $0 != " " }) }
            guard let package = (event["Package"] as? String) ?? importPath else { continue }
            let output = event["Output"] as? String
            guard let test = event["Test"] as? String else {
                switch action {
                case "output", "build-output":
                    if let output { packageOutput[package, default: BoundedText()].append(output) }
                case "fail" where !failedTests.contains(package):
                    for (key, state) in running where state.package == package {
                        builder.add(idPrefix: package + "/", name: state.test, classname: package,
                                    file: nil, line: nil, outcome: .error, duration: nil,
                                    message: "did not finish: the test binary stopped (panic, timeout or crash)",
                                    output: state.output.text, at: SourcePosition(file: path, line: state.line))
                        running[key] = nil
                        failedTests.insert(package)
                    }
                    if !failedTests.contains(package) {
                        let text = packageOutput[package]?.text
                        builder.add(idPrefix: "", name: package, classname: package, file: nil, line: nil,
                                    outcome: event["FailedBuild"] != nil ? .buildFailed : .error,
                                    duration: event["Elapsed"] as? Double,
                                    message: event["FailedBuild"] != nil ? "build failed" : text.flatMap(failureLine) ?? "package failed",
                                    output: text, at: position)
                    }
                    packageOutput[package] = nil
                case "pass", "skip":
                    packageOutput[package] = nil
                default:
                    break
                }
                continue
            }
            let key = package + "/" + test
            switch action {
            case "run":
                running[key] = Running(package: package, test: test, line: lines.lineNumber)
            case "output":
                if let output { running[key, default: Running(package: package, test: test, line: lines.lineNumber)].output.append(output) }
            case "pass", "fail", "skip":
                let state = running.removeValue(forKey: key)
                let outcome: TestOutcome = action == "pass" ? .passed : action == "skip" ? .skipped : .failed
                if outcome == .failed { failedTests.insert(package) }
                let text = state?.output.text
                builder.add(idPrefix: package + "/", name: test, classname: package, file: nil, line: nil, outcome: outcome,
                            duration: event["Elapsed"] as? Double, message: text.flatMap(failureLine), output: text,
                            at: SourcePosition(file: path, line: state?.line ?? lines.lineNumber))
            default:
                break
            }
        }
        for state in running.values.sorted(by: { $0.line < $1.line }) {
            builder.add(idPrefix: state.package + "/", name: state.test, classname: state.package, file: nil, line: nil, outcome: .error, duration: nil,
                        message: "did not finish: the event stream ended while the test ran", output: state.output.text,
                        at: SourcePosition(file: path, line: state.line))
        }
        for failure in plain.failures where !failedTests.contains(failure.package) {
            sawEvent = true
            builder.add(idPrefix: "", name: failure.package, classname: failure.package, file: nil, line: nil,
                        outcome: .buildFailed, duration: nil, message: plain.message(of: failure),
                        output: plain.compilerOutput[failure.package]?.text, at: SourcePosition(file: path, line: failure.line))
        }
        guard sawEvent else {
            throw ReportReadError(file: path, line: 1, problem: "no go test -json events (objects with an \"Action\")",
                                  hint: "Write the report with `go test -json ./... > PATH`, or pass the right --format.")
        }
    }

    /// The first `file_test.go:12: message` line of a test's output.
    private static func failureLine(_ output: String) -> String? {
        output.split(separator: "\n").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.contains(".go:") && !$0.hasPrefix("---") } ?? nil
    }
}
