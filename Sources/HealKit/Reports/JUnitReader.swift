import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams a JUnit XML file into a report builder with `XMLParser(stream:)` (libxml2's push
/// parser underneath; `XMLParser(data:)` stops being valid past ~10 MB).
///
/// Reads `testsuites` or bare `testsuite` roots with suites nested to any depth, and the
/// dialects of pytest (xunit1 and xunit2), Maven Surefire (`flakyFailure`, `flakyError`,
/// `rerunFailure`, `rerunError`; times with thousands separators), jest-junit, gotestsum and
/// `swift test --xunit-output`. See `TestCase.id` for how ids are built.
final class JUnitReader: NSObject, XMLParserDelegate {
    private let path: String
    private let nodeIDs: PytestNodeID
    private let repositoryRoot: String?
    private var builder: ReportBuilder
    private var parser: XMLParser?
    private var failure: ReportReadError?

    private var depth = 0
    private var suiteNames: [String] = []
    private var pytestSuiteDepth: Int?
    private var inCase = false
    private var caseDepth = 0
    private var caseAttributes: [String: String] = [:]
    private var caseLine = 0
    private var failed = false, errored = false, skipped = false, xfailed = false, flaky = false, reran = false
    private var message: String?
    private var output = BoundedText()
    private var collecting = false

    private init(path: String, builder: ReportBuilder, nodeIDs: PytestNodeID, repositoryRoot: String?) {
        self.path = path
        self.builder = builder
        self.nodeIDs = nodeIDs
        self.repositoryRoot = repositoryRoot
    }

    /// Reads `path` into `builder`; throws `ReportReadError` when the file is not well-formed
    /// JUnit XML.
    static func read(path: String, into builder: inout ReportBuilder, nodeIDs: PytestNodeID,
                     repositoryRoot: String?) throws {
        guard let stream = InputStream(fileAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        let reader = JUnitReader(path: path, builder: builder, nodeIDs: nodeIDs, repositoryRoot: repositoryRoot)
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        let ok = parser.parse()
        if let failure = reader.failure { throw failure }
        guard ok else {
            throw ReportReadError(file: path, line: parser.lineNumber, column: parser.columnNumber,
                                  problem: "malformed XML: \(Self.explain(parser.parserError))",
                                  hint: "Expected a complete JUnit XML report; a truncated file usually means the test run was killed before it finished writing.")
        }
        if !reader.sawRoot {
            throw ReportReadError(file: path, problem: "no XML element found",
                                  hint: "Expected JUnit XML with a <testsuites> or <testsuite> root.")
        }
        // libxml2's push parser can end without complaint on a truncated document.
        if reader.depth != 0 {
            throw ReportReadError(file: path, line: parser.lineNumber, column: parser.columnNumber,
                                  problem: "the XML ends early: \(reader.depth) element(s) are still open (truncated)",
                                  hint: "The test run was probably killed before it finished writing the report; rerun it.")
        }
        builder = reader.builder
    }

    private var sawRoot = false
    /// Cases of one class share their id prefix; rebuilding it per case dominated reading.
    private var pytestPrefixes: [String: PytestNodeID.Parts] = [:]

    private static func explain(_ error: Error?) -> String {
        guard let error = error as NSError? else { return "the parser stopped" }
        // Foundation passes libxml2's own error numbers (xmlerror.h).
        switch error.code {
        case 9: return "an invalid character (bytes that are not UTF-8, or a control character)"
        case 4: return "no XML document"
        case 5: return "extra content after the end of the document"
        case 76: return "an end tag that does not match its start tag"
        case 77: return "an element that is never closed (truncated)"
        default: return "libxml2 error \(error.code)"
        }
    }

    private var position: SourcePosition {
        SourcePosition(file: path, line: parser?.lineNumber ?? 0, column: parser?.columnNumber ?? 0)
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        if depth == 1 {
            sawRoot = true
            guard element == "testsuites" || element == "testsuite" else {
                failure = ReportReadError(file: path, line: parser.lineNumber, column: parser.columnNumber,
                                          problem: "the root element is <\(element)>, not <testsuites> or <testsuite>",
                                          hint: "This is not a JUnit report; pass the test-results file, or --format for another format.")
                parser.abortParsing()
                return
            }
        }
        if inCase {
            startCaseChild(element, attributes: attributes)
            return
        }
        switch element {
        case "testsuite", "testsuites":
            let name = attributes["name"] ?? ""
            suiteNames.append(name)
            if name == "pytest" && pytestSuiteDepth == nil { pytestSuiteDepth = suiteNames.count }
        case "testcase":
            inCase = true
            caseDepth = depth
            caseAttributes = attributes
            caseLine = parser.lineNumber
            failed = false; errored = false; skipped = false; xfailed = false; flaky = false; reran = false
            message = nil
            output = BoundedText()
        default:
            break
        }
    }

    private func startCaseChild(_ element: String, attributes: [String: String]) {
        guard depth == caseDepth + 1 else { return }
        switch element {
        case "failure":
            failed = true
            takeMessage(attributes)
        case "error":
            errored = true
            takeMessage(attributes)
        case "skipped":
            skipped = true
            // pytest marks xfail, node:test marks todo; both are expected failures.
            if attributes["type"] == "pytest.xfail" || attributes["type"] == "todo" { xfailed = true }
            takeMessage(attributes)
        case "flakyFailure", "flakyError":
            flaky = true
            takeMessage(attributes)
        case "rerunFailure", "rerunError":
            reran = true
            takeMessage(attributes)
        case "system-out", "system-err":
            output.append(output.isEmpty ? "" : "\n")
        default:
            return
        }
        collecting = true
    }

    private func takeMessage(_ attributes: [String: String]) {
        if message == nil, let text = attributes["message"], !text.isEmpty { message = text }
        if !output.isEmpty { output.append("\n") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { output.append(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if collecting { output.append(String(decoding: block, as: UTF8.self)) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        if inCase {
            if depth == caseDepth + 1 { collecting = false }
            if depth == caseDepth { finishCase() }
            return
        }
        if element == "testsuite" || element == "testsuites" {
            if pytestSuiteDepth == suiteNames.count { pytestSuiteDepth = nil }
            suiteNames.removeLast()
        }
    }

    private func finishCase() {
        inCase = false
        let outcome: TestOutcome =
            xfailed ? .xfailed : failed ? .failed : errored ? .error : reran ? .failed : flaky ? .flaky
            : skipped ? .skipped : .passed
        let classname = caseAttributes["classname"] ?? suiteNames.last(where: { !$0.isEmpty }) ?? ""
        guard let name = caseAttributes["name"], !name.isEmpty else {
            builder.problem("a <testcase> without a name attribute was skipped",
                            at: SourcePosition(file: path, line: caseLine))
            return
        }
        let text = output.text
        let firstLine = text?.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)
        let duration = caseAttributes["time"].flatMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        var file = caseAttributes["file"].map(relativeToRoot)
        var line = caseAttributes["line"].flatMap { Int($0) }
        let prefix: String
        var caseName = name
        if isPytest(file: file) {
            // pytest's xunit1 line is 0-based.
            line = line.map { $0 + 1 }
            let parts: PytestNodeID.Parts
            if classname.isEmpty {
                parts = nodeIDs.parts(classname: classname, name: name, file: file)
            } else {
                let key = classname + "\n" + (file ?? "")
                if let cached = pytestPrefixes[key] {
                    parts = PytestNodeID.Parts(prefix: cached.prefix, name: name, file: cached.file)
                } else {
                    parts = nodeIDs.parts(classname: classname, name: name, file: file)
                    pytestPrefixes[key] = parts
                }
            }
            prefix = parts.prefix
            caseName = parts.name
            file = parts.file
        } else {
            let filePrefix = file.map { $0 + "::" } ?? ""
            prefix = classname.isEmpty || classname == name ? filePrefix : filePrefix + classname + "/"
        }
        builder.add(idPrefix: prefix, name: caseName, classname: classname.isEmpty ? nil : classname,
                    file: file, line: line, outcome: outcome, duration: duration,
                    message: message ?? firstLine, output: text, at: SourcePosition(file: path, line: caseLine))
    }

    /// pytest names its suite "pytest" (unless `junit_suite_name` says otherwise) and, in
    /// xunit1, gives `.py` files.
    private func isPytest(file: String?) -> Bool {
        pytestSuiteDepth != nil || (file?.hasSuffix(".py") ?? false)
    }

    private func relativeToRoot(_ file: String) -> String {
        guard let root = repositoryRoot, file.hasPrefix("/") else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
