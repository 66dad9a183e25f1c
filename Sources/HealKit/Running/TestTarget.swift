/// The test a single-test command runs: the values substituted for its placeholders in
/// `suite.test` (see `placeholders(_:)`).
public struct TestTarget: Sendable, Hashable {
    /// The id heal reports and the project's runner accepts (a pytest nodeid, say).
    public var id: String
    /// Repository-relative test file; for a pytest nodeid, the part before `::` when unknown.
    public var file: String?
    /// The test's own name; the id when unknown.
    public var name: String
    /// The suite or class it belongs to.
    public var classname: String?
    /// Whether this is a unit that did not build (a `buildFailed` case) rather than a test: it
    /// is verified by building, not by rerunning it.
    public var isBuildUnit: Bool = false

    public init(id: String, file: String? = nil, name: String? = nil, classname: String? = nil) {
        self.id = id
        // A pytest nodeid names its file; other `::` ids (cargo's `src/lib.rs::tests::x`) need not.
        let head = id.contains("::") ? id.components(separatedBy: "::").first : nil
        self.file = file ?? head.flatMap { $0.hasSuffix(".py") ? $0 : nil }
        self.name = name ?? id
        self.classname = classname
    }

    /// The target for a test case read from a report.
    public init(_ test: TestCase) {
        self.init(id: test.id, file: test.file, name: test.name, classname: test.classname)
        isBuildUnit = test.outcome == .buildFailed
    }

    /// What `suite.test` (and `coverage.test`) may say, each substituted as exactly its value:
    /// `{id} {file} {name} {classname}`; `{id_re} {name_re} {classname_re}`, the same as anchored,
    /// escaped regular expressions for runners that select by pattern (node
    /// `--test-name-pattern`, `swift test --filter`, jest and vitest `-t`); `{go_run}`, the name as
    /// `go test -run` takes it (each `/` level anchored and escaped); `{swift_filter}`, the id as
    /// `swift test --filter` takes it for XCTest and Swift Testing alike; plus the caller's `extra`
    /// values (`{results}`, `{coverage}`).
    public func placeholders(_ extra: [String: String]) -> [String: String] {
        var values = ["id": id, "file": file ?? "", "name": name, "classname": classname ?? "",
                      "id_re": TestPattern.exact(id), "name_re": TestPattern.exact(name),
                      "classname_re": TestPattern.exact(classname ?? ""), "go_run": TestPattern.goRun(name),
                      "swift_filter": TestPattern.swiftFilter(id)]
        values.merge(extra) { $1 }
        return values
    }
}
