import Foundation
import HealKit
import Testing
import TestSupport

/// `HealRun` in process on a real pytest project: what the CLI and the demo build on.
@Suite struct HealRunTests {
    /// A deploy whose only regression is a flaky test: it fails in the deploy's suite run (its
    /// second run ever) and passes on triage's rerun.
    @Test func aFlakyRegressionIsEscalatedNeverDispatchedAndCountsAsHandled() async throws {
        let project = try PythonProject(files: ["src/calc.py": "def add(a, b):\n    return a + b\n"], coverage: false)
        try project.write("tests/test_calc.py", "from calc import add\n\n\n"
                          + project.flakyTest(named: "test_add", failing: [false, true, false, false, false, false]))
        let before = try project.commit("baseline")
        try project.write("src/calc.py", "def add(a, b):\n    return b + a\n")
        let after = try project.commit("calc: commute")
        let fingerprint = try project.repo.userStateFingerprint()
        let lines = Lines()

        let report = try await HealRun(options: HealRunOptions(repositoryPath: project.path, before: before),
                                       progress: { lines.append($0) }).run()

        let test = "tests/test_calc.py::test_add"
        #expect(report.range.after.id.hex == after)
        #expect(report.triaged.map(\.verdict.verdict) == [.ambiguous])
        #expect(report.dispatches.isEmpty)
        #expect(report.escalations.map(\.test) == [test])
        #expect(report.handled.map(\.handling) == [.escalated(ticket: report.escalations[0].ticket)])
        #expect(report.exit == .success)
        let ticket = try String(contentsOfFile: report.escalations[0].ticket, encoding: .utf8)
        #expect(ticket.contains("Verdict: **ambiguous**") && ticket.contains("No fix was attempted."))
        #expect(lines.all.contains("running the suite at \(before.prefix(7)) (before)…"))
        #expect(lines.all.contains("triaging \(test) (1 of 1)…"))
        #expect(try project.repo.userStateFingerprint() == fingerprint)
        #expect(try project.repo.git("worktree", "list").split(separator: "\n").count == 1, "scratch worktrees removed")
    }
}

/// Progress lines collected from the run's callback.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
