import Foundation
import GitKit

/// Triage of production errors, without reruns (DeFlaker's rule, for production): an error
/// whose trace runs through code the deploy changed was introduced by it — the culprit is the
/// range commit that last changed that line, the causal hunks are the changed hunks its frames
/// lie in; an error none of whose frames lies in changed code is not linked to the deploy and
/// is escalated, never dispatched.
struct ErrorTriage {
    let repository: Repository
    let before: ObjectID
    let after: ObjectID
    let mapper: FramePathMapper
    /// The deploy's diff at zero context, with lines: hunks are exactly the changed lines.
    let diff: [FileDiff]
    let commits: [Commit]

    init(repository: Repository, before: ObjectID, after: ObjectID, mapper: FramePathMapper) throws {
        self.repository = repository
        self.before = before
        self.after = after
        self.mapper = mapper
        diff = try repository.diff(from: before.hex, to: after.hex, options: DiffOptions(contextLines: 0, includeLines: true)).files
        commits = try repository.commits(from: before.hex, to: after.hex)
    }

    /// One error's verdict, and for an introduced one the deploy hunks its trace runs through,
    /// the innermost frame's first.
    struct Result {
        var triaged: TriagedRegression
        var hunks: [HunkRef] = []
    }

    /// The verdict on one error regression, from its events in the current window.
    func triage(_ regression: Regression, events: SignatureEvents) throws -> Result {
        let stacks = events.stacks.map { $0.frames.compactMap(frame) }
        let inRepository = Set(stacks.joined())
        guard !inRepository.isEmpty else {
            return ambiguous(regression, reason: events.stacks.isEmpty
                ? "not linked to the deploy: its log entries carry no stack trace to compare with the changed code"
                : "not linked to the deploy: no frame of its trace lies inside the repository")
        }
        guard let links = stacks.lazy.map({ ErrorFrameLinker.links($0, in: diff) }).first(where: { !$0.isEmpty }) else {
            let shown = stacks.first.map { $0.prefix(4).map(Self.describe).joined(separator: ", ") } ?? ""
            return ambiguous(regression, reason: "not linked to the deploy: none of its \(inRepository.count) frame"
                             + "\(inRepository.count == 1 ? "" : "s") in the repository (\(shown)) lies in code the deploy changed")
        }
        let innermost = links[0]
        let culprit = try RangeBlame.lastChange(commits: commits) { try differs(innermost.frame, at: $0) }
        let causal = HunkRef.restrict(diff, to: links.map(\.hunk))
        var reason = "its trace runs through code the deploy changed: \(Self.describe(innermost.frame))"
        if links.count > 1 { reason += " (and \(links.count - 1) more frame\(links.count == 2 ? "" : "s") of the trace)" }
        reason += culprit.map { ", last changed by \($0.id.short()) “\($0.summary)”" } ?? ""
        let verdict = TestVerdict(test: regression.test, verdict: .introduced, reason: reason, culprit: culprit,
                                  culpritCandidates: culprit == nil ? commits.map(\.id) : [], causalBase: before,
                                  causalHead: after, causalDiff: causal, confidence: .high, testRuns: 0)
        var hunks: [HunkRef] = []
        for link in links where !hunks.contains(link.hunk) { hunks.append(link.hunk) }
        return Result(triaged: TriagedRegression(verdict: verdict, deployCommits: commits.count,
                                                 candidateHunks: HunkRef.all(in: diff).count), hunks: hunks)
    }

    private func ambiguous(_ regression: Regression, reason: String) -> Result {
        Result(triaged: TriagedRegression(verdict: TestVerdict(test: regression.test, verdict: .ambiguous, reason: reason, testRuns: 0),
                                          deployCommits: commits.count))
    }

    private func frame(_ frame: StackFrame) -> ErrorFrameLinker.Frame? {
        guard let line = frame.line, let path = mapper.map(frame.file) else { return nil }
        return ErrorFrameLinker.Frame(path: path, line: line, function: ErrorSignature.clean(frame.function))
    }

    /// Whether the deployed line of `frame` differs at `commit`: it lies in a change of
    /// `commit → after`. A file absent at `commit` under its deployed path is looked up
    /// across renames.
    private func differs(_ frame: ErrorFrameLinker.Frame, at commit: ObjectID) throws -> Bool {
        let narrow = try repository.diff(from: commit.hex, to: after.hex,
                                         options: DiffOptions(contextLines: 0, detectRenames: false, paths: [frame.path]))
        var file = narrow.files.first { $0.path.string == frame.path }
        if file?.status == .added {
            file = try repository.diff(from: commit.hex, to: after.hex, options: DiffOptions(contextLines: 0))
                .files.first { $0.path.string == frame.path && $0.status != .deleted }
        }
        guard let file else { return false }
        if file.status == .added { return true }
        return file.hunks.contains { ErrorFrameLinker.touches($0, line: frame.line) }
    }

    /// A frame for a reason, which tickets show as Markdown: its function name comes from a
    /// log, so it is redacted and goes inside inline code.
    static func describe(_ frame: ErrorFrameLinker.Frame) -> String {
        DefaultTemplates.inlineCode("\(frame.path):\(frame.line)") + " in " + DefaultTemplates.inlineCode(SecretRedactor.redact(frame.function))
    }
}
