/// One test case of a report, identified across runs and formats by `id`.
public struct TestCase: Codable, Sendable, Hashable {
    /// The canonical id: stable across runs, never containing time, distinct per parameter set,
    /// and the one the project's runner accepts for `{id}`. Readers build it as follows.
    ///
    /// - **pytest** (pytest-json-report, JUnit xunit1, JUnit xunit2): the nodeid,
    ///   `tests/test_x.py::TestC::test_a[1]`, as pytest prints it and coverage.py names contexts.
    ///   xunit2 JUnit carries only the dotted `classname` (`tests.test_x.TestC`) and `name`, so the
    ///   loader, given a repository root, finds the longest dotted prefix of the classname that
    ///   names a `.py` file in the repository (also below a sub-folder that was pytest's rootdir,
    ///   e.g. `backend/`); the rest are classes (pytest or unittest), joined with `::`; the name,
    ///   parameters included, comes last. Without a root, or when no file matches (or several
    ///   do), the id falls back to `classname::name` (`tests.test_x.TestC::test_a[1]`).
    ///   A collection error is the module's path (`tests/test_x.py`).
    /// - **Other JUnit** (Surefire, Swift's `--xunit-output`, gotestsum, jest-junit):
    ///   `classname/name`, or `name` when the classname is empty or equal to the name; prefixed
    ///   with `file::` when the testcase has a `file` attribute (jest-junit). Runners that join
    ///   the parts differently (Maven's `Class#method`) use `{classname}` and `{name}`.
    /// - **go test -json**: `Package/TestName` (subtests keep their `/sub` path); a package that
    ///   failed without a failing test (build failure, panic in `TestMain`) is the package path.
    /// - **TAP**: the description (test numbers shift between runs); subtests are
    ///   `parent > child`; a test without a description is `#N`.
    public var id: String
    /// The suite or class the runner grouped the test under (dotted module path for pytest).
    public var classname: String?
    /// The test's own name, parameters included (`test_a[1]`).
    public var name: String
    /// Repository-relative source file, when the report or the repository tells.
    public var file: String?
    /// 1-based line of the test's definition, when known.
    public var line: Int?
    public var outcome: TestOutcome
    /// Seconds, when reported.
    public var duration: Double?
    /// The failure, error or skip message (bounded).
    public var message: String?
    /// Failure details and captured output of a non-passing test (bounded; passing tests keep none).
    public var output: String?

    public init(id: String, classname: String? = nil, name: String? = nil, file: String? = nil, line: Int? = nil,
                outcome: TestOutcome, duration: Double? = nil, message: String? = nil, output: String? = nil) {
        self.id = id
        self.classname = classname
        self.name = name ?? id
        self.file = file
        self.line = line
        self.outcome = outcome
        self.duration = duration
        self.message = message
        self.output = output
    }
}
