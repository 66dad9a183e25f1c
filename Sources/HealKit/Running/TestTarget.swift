/// The test a single-test command runs: the values substituted for `{id} {file} {name}
/// {classname}` in `suite.test`.
public struct TestTarget: Sendable, Hashable {
    /// The id heal reports and the project's runner accepts (a pytest nodeid, say).
    public var id: String
    /// Repository-relative source file; for a pytest nodeid, the part before `::` when unknown.
    public var file: String?
    /// The test's own name; the id when unknown.
    public var name: String
    /// The suite or class it belongs to.
    public var classname: String?

    public init(id: String, file: String? = nil, name: String? = nil, classname: String? = nil) {
        self.id = id
        self.file = file ?? (id.contains("::") ? id.components(separatedBy: "::").first : nil)
        self.name = name ?? id
        self.classname = classname
    }

    /// The target for a test case read from a report.
    public init(_ test: TestCase) {
        self.init(id: test.id, file: test.file, name: test.name, classname: test.classname)
    }
}
