import Foundation

/// Reads what `python -m unittest -v` prints on stderr (plain `unittest` has no results-file
/// writer, and heal adds no dependency): one line per test, `test_x (pkg.mod.Class.test_x) ...
/// ok` (Python 3.11+; older versions print `(pkg.mod.Class)`), a docstring's first line between
/// the name and the status when the test has one, indented subtest lines, then a section per
/// failure with its traceback.
///
/// Ids are what `python -m unittest` accepts: `pkg.mod.Class.test_x`. A module that failed to
/// import (`unittest.loader._FailedTest`) is a `buildFailed` case named by the module. Run it
/// with `-b`, so a test's own prints go into its failure section instead of between the lines.
enum UnittestTextReader {
    private struct Line {
        var name: String
        var dotted: String
        /// The part after ` ... `, nil when the line has none (a docstring or subtests follow).
        var status: String?
        var isSubtest: Bool
    }

    private struct Found {
        var id: String
        var classname: String?
        var outcome: TestOutcome
        var message: String?
        var line: Int
    }

    static func read(path: String, into builder: inout ReportBuilder, modules: PythonModuleIndex?) throws {
        var lines = try LineReader(path: path)
        defer { lines.close() }
        var found: [Found] = []
        var index: [String: Int] = [:]
        var awaitingStatus: Line?
        var sections: [String: BoundedText] = [:]
        var sectionID: String?
        var inSectionBody = false
        var sawResults = false
        while let bytes = try lines.next() {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("======") {
                sectionID = nil
                inSectionBody = false
                sawResults = true
                continue
            }
            if let id = sectionID {
                if !inSectionBody {
                    inSectionBody = text.hasPrefix("------")
                } else if text.hasPrefix("------") {
                    // The rule before `Ran N tests` closes the last section.
                    sectionID = nil
                } else {
                    sections[id, default: BoundedText()].append(text + "\n")
                }
                continue
            }
            if let header = sectionHeader(text) {
                sectionID = header
                continue
            }
            if sawResults { continue }
            var parsed: Line
            if var pending = awaitingStatus {
                awaitingStatus = nil
                guard let status = statusAfterDocstring(text) else { continue }
                pending.status = status
                parsed = pending
            } else if let line = parseLine(text) {
                parsed = line
                if line.status == nil {
                    awaitingStatus = line
                    continue
                }
            } else {
                continue
            }
            let id = testID(name: parsed.name, dotted: parsed.dotted)
            let outcome = outcome(of: parsed.status ?? "")
            if let existing = index[id.id] {
                // A subtest line: the test failed when any of its subtests did.
                if let outcome, outcome.severity > found[existing].outcome.severity { found[existing].outcome = outcome }
            } else if let outcome {
                index[id.id] = found.count
                found.append(Found(id: id.id, classname: id.classname, outcome: id.buildFailed ? .buildFailed : outcome,
                                   message: skipReason(parsed.status ?? ""), line: lines.lineNumber))
            } else if parsed.status?.isEmpty == true, !parsed.isSubtest {
                // `test_x (…) ... ` with subtests to follow: it passed unless one of them fails.
                index[id.id] = found.count
                found.append(Found(id: id.id, classname: id.classname, outcome: .passed, message: nil, line: lines.lineNumber))
            }
        }
        guard !found.isEmpty else {
            throw ReportReadError(file: path, line: 1, problem: "no `python -m unittest -v` result lines (`test_x (module.Class.test_x) ... ok`)",
                                  hint: "Write the report with `python3 -m unittest -v -b 2> PATH` (unittest prints on stderr), or pass the right --format.")
        }
        for test in found {
            let output = sections[test.id]?.text
            let module = test.classname.map { $0.split(separator: ".").dropLast().joined(separator: ".") } ?? test.id
            let file = modules?.resolve(classname: module)?.module.file
            let name = test.classname.map { String(test.id.dropFirst($0.count + 1)) } ?? test.id
            builder.add(TestCase(id: test.id, classname: test.classname, name: name, file: file, outcome: test.outcome,
                                 message: test.message ?? output.flatMap(lastMessage), output: output),
                        at: SourcePosition(file: path, line: test.line))
        }
    }

    /// `name (dotted)`, optionally ` (params)` of a subtest, optionally ` ... status`.
    private static func parseLine(_ text: String) -> Line? {
        let trimmed = text.drop { $0 == " " }
        let isSubtest = trimmed.count < text.count
        guard let space = trimmed.firstIndex(of: " "), trimmed[space...].hasPrefix(" ("),
              let close = trimmed[space...].firstIndex(of: ")") else { return nil }
        let name = String(trimmed[..<space])
        let dotted = String(trimmed[trimmed.index(space, offsetBy: 2)..<close])
        guard !name.isEmpty, !dotted.isEmpty, dotted.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
            return nil
        }
        let rest = trimmed[trimmed.index(after: close)...]
        if let dots = rest.range(of: " ... ") {
            return Line(name: name, dotted: dotted, status: String(rest[dots.upperBound...]), isSubtest: isSubtest)
        }
        if rest.hasSuffix(" ...") || rest.hasSuffix(" ... ") {
            return Line(name: name, dotted: dotted, status: "", isSubtest: isSubtest)
        }
        // A bare header awaits its docstring's line; a failure section names a subtest by its
        // parameters, `name (dotted) (i=1)`.
        if rest.isEmpty || (rest.hasPrefix(" (") && rest.hasSuffix(")")) {
            return Line(name: name, dotted: dotted, status: nil, isSubtest: isSubtest || !rest.isEmpty)
        }
        return nil
    }

    /// The status on a docstring's line: what follows its last ` ... `.
    private static func statusAfterDocstring(_ text: String) -> String? {
        text.range(of: " ... ", options: .backwards).map { String(text[$0.upperBound...]) }
    }

    /// `FAIL: name (dotted)` or `ERROR: …` or `UNEXPECTED SUCCESS: …` opening a failure section.
    private static func sectionHeader(_ text: String) -> String? {
        for kind in ["FAIL: ", "ERROR: ", "UNEXPECTED SUCCESS: "] where text.hasPrefix(kind) {
            guard let line = parseLine(String(text.dropFirst(kind.count))) else { return nil }
            return testID(name: line.name, dotted: line.dotted).id
        }
        return nil
    }

    /// Python 3.11+ prints the whole id in parentheses, older versions the class only; a module
    /// that failed to load is reported under unittest's own loader classes.
    private static func testID(name: String, dotted: String) -> (id: String, classname: String?, buildFailed: Bool) {
        for loader in ["unittest.loader._FailedTest", "unittest.loader.ModuleImportFailure"]
        where dotted == loader || dotted.hasPrefix(loader + ".") {
            return (name, nil, true)
        }
        if dotted.hasSuffix("." + name) { return (dotted, String(dotted.dropLast(name.count + 1)), false) }
        return (dotted + "." + name, dotted, false)
    }

    private static func outcome(of status: String) -> TestOutcome? {
        switch status {
        case "ok": .passed
        case "FAIL": .failed
        case "ERROR": .error
        case "expected failure": .xfailed
        case "unexpected success": .failed
        case _ where status.hasPrefix("skipped"): .skipped
        default: nil
        }
    }

    private static func skipReason(_ status: String) -> String? {
        status.hasPrefix("skipped ") ? String(status.dropFirst("skipped ".count)) : nil
    }

    /// The exception line that ends a traceback (`AssertionError: 3 != 4`).
    private static func lastMessage(_ output: String) -> String? {
        let body = output.components(separatedBy: "\nStdout:\n")[0].components(separatedBy: "\nStderr:\n")[0]
        return body.split(separator: "\n").last { !$0.hasPrefix(" ") && !$0.isEmpty }.map(String.init)
    }
}
