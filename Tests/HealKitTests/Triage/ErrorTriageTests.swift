import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// Triage of production errors on real repositories: which frame links the error to the deploy,
/// the culprit (blame restricted to the range), and the causal hunks.
@Suite struct ErrorTriageTests {
    static let lines = (1...10).map { "line \($0)" }

    private func text(_ replacing: [Int: String?] = [:]) -> String {
        Self.lines.enumerated().compactMap { index, line in replacing.keys.contains(index + 1) ? replacing[index + 1]! : line }
            .joined(separator: "\n") + "\n"
    }

    /// Triages one error whose stack (innermost first) is `frames` (server paths under /srv/app/).
    private func triage(_ repo: TempRepo, before: String, after: String,
                        frames: [(String, String, Int)]) throws -> TriagedRegression {
        let repository = try Repository(discovering: repo.path)
        let files = try repository.treeEntries(repository.commit(after).treeID).map(\.path.string)
        let mapper = FramePathMapper(repositoryFiles: files)
        var window = ErrorWindow()
        let trace = StackTrace(chain: [TracedException(type: "KeyError", message: "'x'",
                                                       frames: frames.map { StackFrame(file: "/srv/app/" + $0.0, function: $0.1, line: $0.2) })])
        window.add(ErrorEvent(timestamp: 1, trace: frames.isEmpty ? nil : trace, message: "boom", text: "", file: "log", line: 1),
                   mapper: mapper)
        let events = try #require(window.signatures.values.first)
        let triage = try ErrorTriage(repository: repository, before: try repository.commit(before).id,
                                     after: try repository.commit(after).id, mapper: mapper)
        return try triage.triage(Regression(test: events.signature.id, kind: .newError), events: events).triaged
    }

    @Test func theLastRangeCommitToChangeTheLineIsTheCulprit() throws {
        let repo = try TempRepo()
        try repo.write("app/a.py", text())
        try repo.write("app/b.py", "b\n")
        let before = try repo.commitAll("base")
        try repo.write("app/a.py", text([3: "line 3 v1"]))
        try repo.commitAll("first change")
        try repo.write("app/b.py", "b2\n")
        try repo.commitAll("elsewhere")
        try repo.write("app/a.py", text([3: "line 3 v2", 8: "line 8 v2"]))
        let culprit = try repo.commitAll("second change")
        try repo.write("README", "docs\n")
        let after = try repo.commitAll("docs")

        let linked = try triage(repo, before: before, after: after, frames: [("lib/driver.py", "execute", 40),
                                                                                ("app/a.py", "inner", 5), ("app/a.py", "outer", 3)])
        #expect(linked.verdict.verdict == .introduced)
        #expect(linked.verdict.culprit?.id.hex == culprit)
        #expect(linked.verdict.causalDiff.map(\.path.string) == ["app/a.py"])
        #expect(linked.verdict.causalDiff.first?.hunks.map(\.newStart) == [3])
        #expect(linked.verdict.reason.contains("`app/a.py:3` in `outer`"))
        #expect(linked.verdict.causalBase?.hex == before && linked.verdict.causalHead?.hex == after)

        let unlinked = try triage(repo, before: before, after: after, frames: [("app/a.py", "inner", 5), ("app/b.py", "x", 2)])
        #expect(unlinked.verdict.verdict == .ambiguous)
        #expect(unlinked.verdict.reason.hasPrefix("not linked to the deploy: none of its 2 frames in the repository"))
        #expect(unlinked.verdict.culprit == nil && unlinked.verdict.causalDiff.isEmpty)
    }

    /// A reason is shown as Markdown in tickets: a function name from the log is code there,
    /// never a mention or a link, and carries no secret.
    @Test func aFrameInAReasonIsInlineCodeAndRedacted() {
        let frame = ErrorFrameLinker.Frame(path: "app/a.py", line: 3, function: "@octocat [here](https://x.example) password=hunter2")
        #expect(ErrorTriage.describe(frame) == "`app/a.py:3` in `@octocat [here](https://x.example) password=[REDACTED]`")
    }

    @Test func aLineWrittenOnAMergedBranchBlamesThatBranchsCommit() throws {
        let repo = try TempRepo()
        try repo.write("app/a.py", text())
        let before = try repo.commitAll("base")
        try repo.git("switch", "-q", "-c", "feature")
        try repo.write("app/a.py", text([5: "line 5 feature"]))
        let feature = try repo.commitAll("feature: change line 5")
        try repo.git("switch", "-q", "main")
        try repo.write("app/c.py", "c\n")
        try repo.commitAll("main: other work")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
        let after = try repo.head()
        let result = try triage(repo, before: before, after: after, frames: [("app/a.py", "f", 5)])
        #expect(result.verdict.verdict == .introduced)
        #expect(result.verdict.culprit?.id.hex == feature)
    }

    @Test func aDeletedGuardLinksTheLinesAroundIt() throws {
        let repo = try TempRepo()
        try repo.write("app/a.py", text())
        let before = try repo.commitAll("base")
        try repo.write("app/a.py", text([4: nil]))
        let culprit = try repo.commitAll("drop the guard on line 4")
        // Old line 5 is new line 4, right after the deletion.
        let result = try triage(repo, before: before, after: culprit, frames: [("app/a.py", "f", 4)])
        #expect(result.verdict.verdict == .introduced)
        #expect(result.verdict.culprit?.id.hex == culprit)
        #expect(result.verdict.causalDiff.first?.hunks.first.map { ($0.oldStart, $0.oldLines, $0.newLines) } ?? (0, 0, 0) == (4, 1, 0))
        let far = try triage(repo, before: before, after: culprit, frames: [("app/a.py", "f", 8)])
        #expect(far.verdict.verdict == .ambiguous)
    }

    @Test func aChangeBeforeARenameIsStillFound() throws {
        let repo = try TempRepo()
        try repo.write("app/old.py", text())
        let before = try repo.commitAll("base")
        try repo.write("app/old.py", text([2: "line 2 changed"]))
        let culprit = try repo.commitAll("change line 2")
        try repo.git("mv", "app/old.py", "app/new.py")
        let after = try repo.commitAll("rename")
        let result = try triage(repo, before: before, after: after, frames: [("app/new.py", "f", 2)])
        #expect(result.verdict.verdict == .introduced)
        #expect(result.verdict.culprit?.id.hex == culprit)
    }

    @Test func framesOutsideTheRepositoryOrNoTraceAreNotLinked() throws {
        let repo = try TempRepo()
        try repo.write("app/a.py", text())
        let before = try repo.commitAll("base")
        try repo.write("app/a.py", text([1: "changed"]))
        let after = try repo.commitAll("change")
        let outside = try triage(repo, before: before, after: after, frames: [("venv/lib/python3.12/site-packages/driver/x.py", "f", 1)])
        #expect(outside.verdict.verdict == .ambiguous)
        #expect(outside.verdict.reason.contains("no frame of its trace lies inside the repository"))
        let untraced = try triage(repo, before: before, after: after, frames: [])
        #expect(untraced.verdict.reason.contains("carry no stack trace"))
    }
}
