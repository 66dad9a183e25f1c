/// Reads a JUnit XML file into a report builder, streaming it through libxml2's SAX2 push
/// parser (`JUnitReader+LibXML2.swift`) and working on the parser's bytes: a passing case costs
/// no String, only its id bytes copied into the case store.
///
/// Reads `testsuites` or bare `testsuite` roots with suites nested to any depth, and the
/// dialects of pytest (xunit1 and xunit2), Maven Surefire (`flakyFailure`, `flakyError`,
/// `rerunFailure`, `rerunError`; times with thousands separators), jest-junit, gotestsum and
/// `swift test --xunit-output`. See `TestCase.id` for how ids are built.
struct JUnitReader {
    let path: String
    private let nodeIDs: PytestNodeID
    private let repositoryRoot: String?
    private(set) var builder: ReportBuilder
    /// The first reason to stop, set by a callback; the parse stops when it is set.
    private(set) var failure: ReportReadError?

    /// The attributes of the element being started, filled by the parser before `start`.
    var attributes = JUnitAttributes()
    private(set) var depth = 0
    private(set) var sawRoot = false
    private(set) var collecting = false
    private var suiteNames: [String] = []
    private var pytestSuiteDepth: Int?
    private var inCase = false
    private var caseDepth = 0
    private var caseLine = 0
    private var testcase = JUnitAttributes()
    private var failed = false, errored = false, skipped = false, xfailed = false, flaky = false, reran = false
    private var message: String?
    private var output = BoundedText()

    /// The case store's group of the cases of one class (id prefix, classname, file).
    private struct Group {
        var index: Int32
        var isPytest: Bool
    }
    /// The cases of a class are written together: the last group and what found it.
    private var lastGroup: Group?
    private var lastClassname = AttributeBytes(), lastFile = AttributeBytes()

    init(path: String, builder: ReportBuilder, nodeIDs: PytestNodeID, repositoryRoot: String?) {
        self.path = path
        self.builder = builder
        self.nodeIDs = nodeIDs
        self.repositoryRoot = repositoryRoot
    }

    /// Prepares the report for about `count` cases in all.
    mutating func reserve(cases count: Int) { builder.reserve(cases: count) }

    /// An element named `rawName` (NUL-terminated) starts at `line` and `column`; `attributes`
    /// holds what it has.
    mutating func start(_ element: JUnitElement, rawName: UnsafePointer<UInt8>, line: Int, column: Int) {
        depth += 1
        if depth == 1 {
            sawRoot = true
            guard element == .testsuites || element == .testsuite else {
                failure = ReportReadError(file: path, line: line, column: column,
                                          problem: "the root element is <\(String(cString: rawName))>, not <testsuites> or <testsuite>",
                                          hint: "This is not a JUnit report; pass the test-results file, or --format for another format.")
                return
            }
        }
        if inCase {
            if depth == caseDepth + 1 { startCaseChild(element) }
            return
        }
        switch element {
        case .testsuite, .testsuites:
            let name = attributes.name.string ?? ""
            suiteNames.append(name)
            if name == "pytest" && pytestSuiteDepth == nil { pytestSuiteDepth = suiteNames.count }
        case .testcase:
            inCase = true
            caseDepth = depth
            swap(&testcase, &attributes)
            caseLine = line
            failed = false; errored = false; skipped = false; xfailed = false; flaky = false; reran = false
            message = nil
            output.removeAll()
        default:
            break
        }
    }

    private mutating func startCaseChild(_ element: JUnitElement) {
        switch element {
        case .failure:
            failed = true
        case .error:
            errored = true
        case .skipped:
            skipped = true
            // pytest marks xfail, node:test marks todo; both are expected failures.
            if attributes.type.equals("pytest.xfail") || attributes.type.equals("todo") { xfailed = true }
        case .flakyFailure, .flakyError:
            flaky = true
        case .rerunFailure, .rerunError:
            reran = true
        case .systemOut, .systemErr:
            if !output.isEmpty { output.append("\n") }
            collecting = true
            return
        default:
            return
        }
        if message == nil, !attributes.message.isEmpty { message = attributes.message.string }
        if !output.isEmpty { output.append("\n") }
        collecting = true
    }

    /// Text or CDATA inside the current element.
    mutating func text(_ bytes: UnsafeRawBufferPointer) {
        if collecting { output.append(bytes: bytes) }
    }

    /// The innermost open element ends.
    mutating func end(_ element: JUnitElement) {
        defer { depth -= 1 }
        if inCase {
            if depth == caseDepth + 1 { collecting = false }
            if depth == caseDepth { finishCase() }
            return
        }
        if element == .testsuite || element == .testsuites {
            if pytestSuiteDepth == suiteNames.count { pytestSuiteDepth = nil }
            suiteNames.removeLast()
        }
    }

    private mutating func finishCase() {
        inCase = false
        let outcome: TestOutcome =
            xfailed ? .xfailed : failed ? .failed : errored ? .error : reran ? .failed : flaky ? .flaky
            : skipped ? .skipped : .passed
        let position = SourcePosition(file: path, line: caseLine)
        guard !testcase.name.isEmpty else {
            builder.problem("a <testcase> without a name attribute was skipped", at: position)
            return
        }
        // Only what a non-passing case keeps becomes a String.
        var text: String?, caseMessage: String?
        if !outcome.isPass {
            text = output.text
            caseMessage = message ?? text?.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)
        }
        let pytest = isPytest(file: testcase.file)
        if !pytest, isNodeCase {
            addNodeCase(outcome: outcome, message: caseMessage, output: text, at: position)
            return
        }
        guard !testcase.classname.isEmpty, pytest || !testcase.classname.equals(testcase.name), !(pytest && isDoctestText) else {
            addUngrouped(outcome: outcome, message: caseMessage, output: text, at: position)
            return
        }
        let group = self.group(pytest: pytest)
        var line = testcase.line.integer
        // pytest's xunit1 line is 0-based.
        if group.isPytest { line = line.map { $0 + 1 } }
        testcase.name.bytes.withUnsafeBytes { suffix in
            builder.add(group: group.index, suffix: suffix, line: line, outcome: outcome, duration: testcase.time.seconds,
                        message: caseMessage, output: text, at: position)
        }
    }

    /// The group of the current case, found by its classname and file bytes; built (with
    /// Strings) when the class changes.
    private mutating func group(pytest: Bool) -> Group {
        if let lastGroup, lastGroup.isPytest == pytest, testcase.classname.equals(lastClassname),
           testcase.file.equals(lastFile) {
            return lastGroup
        }
        let group = makeGroup(pytest: pytest)
        lastGroup = group
        lastClassname = testcase.classname
        lastFile = testcase.file
        return group
    }

    private mutating func makeGroup(pytest: Bool) -> Group {
        let classname = testcase.classname.string ?? ""
        var file = testcase.file.string.map(relativeToRoot)
        let prefix: String
        if pytest {
            // With a classname, pytest's prefix and file do not depend on the case's name.
            let parts = nodeIDs.parts(classname: classname, name: "", file: file)
            prefix = parts.prefix
            file = parts.file
        } else {
            prefix = (file.map { $0 + "::" } ?? "") + classname + "/"
        }
        return Group(index: builder.group(prefix: prefix, classname: classname, file: file), isPytest: pytest)
    }

    /// A case whose id does not follow its class: no classname, or one equal to its name.
    private mutating func addUngrouped(outcome: TestOutcome, message: String?, output: String?, at position: SourcePosition) {
        let name = testcase.name.string ?? ""
        let classname = testcase.classname.string ?? suiteNames.last(where: { !$0.isEmpty }) ?? ""
        var file = testcase.file.string.map(relativeToRoot)
        var line = testcase.line.integer
        let prefix: String
        var caseName = name
        if isPytest(file: testcase.file) {
            line = line.map { $0 + 1 }
            let parts = nodeIDs.parts(classname: classname, name: name, file: file)
            prefix = parts.prefix
            caseName = parts.name
            file = parts.file
        } else {
            let filePrefix = file.map { $0 + "::" } ?? ""
            prefix = classname.isEmpty || classname == name ? filePrefix : filePrefix + classname + "/"
        }
        builder.add(idPrefix: prefix, name: caseName, classname: classname.isEmpty ? nil : classname,
                    file: file, line: line, outcome: outcome, duration: testcase.time.seconds,
                    message: message, output: output, at: position)
    }

    /// node's test runner (`--test-reporter=junit`) nests a `testsuite` per `describe`: the id is the describe path and the name joined with ` > `
    /// (`outer > inner > adds`), so equal names under different describes stay apart. A test
    /// file that failed to load is a case named by its absolute path: a `buildFailed` case
    /// named by the repository-relative file.
    private mutating func addNodeCase(outcome: TestOutcome, message: String?, output: String?, at position: SourcePosition) {
        let name = testcase.name.string ?? ""
        let describes = suiteNames.filter { !$0.isEmpty }
        let relative = relativeToRoot(name)
        if describes.isEmpty, name.hasPrefix("/") || relative != name {
            let failedToLoad = outcome.isFailure
            builder.add(idPrefix: "", name: relative, classname: nil, file: relative, line: nil,
                        outcome: failedToLoad ? .buildFailed : outcome, duration: testcase.time.seconds,
                        message: failedToLoad ? "the test file failed to load or exited early (\(message ?? "test failed")); its tests did not run" : message,
                        output: output, at: position)
            return
        }
        builder.add(idPrefix: describes.map { $0 + " > " }.joined(), name: name,
                    classname: describes.isEmpty ? nil : describes.joined(separator: " > "), file: nil, line: nil,
                    outcome: outcome, duration: testcase.time.seconds, message: message, output: output, at: position)
    }

    /// node (up to 24) calls every case's class `test`; newer node joins the describe path with
    /// `.` instead, which is told apart from a Surefire-style class only when describes nest.
    private var isNodeCase: Bool {
        if testcase.classname.equals("test") { return true }
        let describes = suiteNames.filter { !$0.isEmpty }
        return describes.count >= 2 && testcase.classname.string == describes.joined(separator: ".")
    }

    /// A pytest doctest item of a text file: name `usage.rst`, classname `docs.usage.rst`.
    private var isDoctestText: Bool {
        guard let name = testcase.name.string, name.contains("."), !name.hasSuffix(".py") else { return false }
        return testcase.classname.string.map { $0 == name || $0.hasSuffix("." + name) } ?? false
    }

    /// pytest names its suite "pytest" (unless `junit_suite_name` says otherwise) and, in
    /// xunit1, gives `.py` files.
    private func isPytest(file: AttributeBytes) -> Bool {
        pytestSuiteDepth != nil || file.hasSuffix(".py")
    }

    private func relativeToRoot(_ file: String) -> String {
        guard let root = repositoryRoot, file.hasPrefix("/") else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
