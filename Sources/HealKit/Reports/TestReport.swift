/// Everything read from one side of a comparison (the baseline or the current run): the test
/// cases merged from every file, the eval cases, and what could not be read.
public struct TestReport: Sendable {
    /// The merged test cases; ids are unique (duplicates are merged and listed in `problems`).
    public private(set) var tests: TestCaseList
    /// The eval cases, ids unique; samples of the same id from several entries are pooled.
    public private(set) var evals: [EvalCase]
    /// Entries the readers skipped or merged (a count and the first few with file and line).
    public private(set) var problems: ReportProblems
    private var evalIndex: [String: Int]

    /// A report from values (for callers that build one rather than read it). A repeated id
    /// is merged like a reader does: the worse outcome wins and a problem is recorded.
    public init(tests: [TestCase] = [], evals: [EvalCase] = [], problems: ReportProblems = ReportProblems()) {
        var builder = ReportBuilder()
        for test in tests { builder.add(test, at: SourcePosition(file: "<value>", line: 0)) }
        for eval in evals { builder.addScores(id: eval.id, scores: eval.scores) }
        self.init(builder: builder)
        self.problems.append(contentsOf: problems)
    }

    init(builder: ReportBuilder) {
        tests = TestCaseList(store: builder.store)
        evals = builder.evals
        problems = builder.problems
        evalIndex = Dictionary(uniqueKeysWithValues: evals.enumerated().map { ($1.id, $0) })
    }

    /// The test case with this id, if the report has it.
    public func test(_ id: String) -> TestCase? {
        tests.store.index(of: id).map { tests.store.testCase(at: $0) }
    }

    /// The same tests with `evals` as its eval cases (the eval suite runs apart from the suite).
    func replacingEvals(_ evals: [EvalCase]) -> TestReport {
        var report = self
        var builder = ReportBuilder()
        for eval in evals { builder.addScores(id: eval.id, scores: eval.scores) }
        report.evals = builder.evals
        report.evalIndex = Dictionary(uniqueKeysWithValues: report.evals.enumerated().map { ($1.id, $0) })
        return report
    }

    /// The eval case with this id, if the report has it.
    public func eval(_ id: String) -> EvalCase? {
        evalIndex[id].map { evals[$0] }
    }
}
