/// What the fix stage needs to fix a production error, which has no failing test: its
/// evidence (for the agent, the PR body and the commit), the trace's frames placed in the
/// deployed code (for the revert's verification), and the exception a new regression test
/// must reproduce.
struct ProductionErrorFix: Sendable {
    /// The cause's representative signature, with its `ErrorEvidence`.
    var regression: Regression
    /// The frames of its most frequent trace that lie inside the repository, at the deploy.
    var frames: [ErrorFrameLinker.Frame]

    init(_ regression: Regression) {
        self.regression = regression
        frames = (regression.errors?.frames ?? []).compactMap { frame in
            guard let path = frame.path, let line = frame.line else { return nil }
            return ErrorFrameLinker.Frame(path: path, line: line, function: frame.function)
        }
    }

    /// The exception's own name (`OperationalError` for `pgdriver.OperationalError`), which a
    /// reproducing test's failure must mention; nil for errors logged without one.
    var exceptionName: String? {
        guard let type = regression.errors?.type, type != "error", type != "panic" else { return nil }
        return type.split(whereSeparator: { $0 == "." || $0 == ":" || $0 == "$" }).last.map(String.init)
    }

    /// The files the trace runs through: with the causal files, what the fix may change.
    var traceFiles: Set<String> { Set(frames.map(\.path)) }

    /// The evidence as plain text, for `failure.txt`.
    var text: String {
        guard let evidence = regression.errors else { return regression.test }
        return """
            Production error \(regression.test) (\(regression.kind.rawValue)): \(evidence.baselineCount) events in \
            \(DurationText.describe(evidence.baselineSeconds)) before the deploy, \(evidence.currentCount) in \
            \(DurationText.describe(evidence.currentSeconds)) after it.

            Trace (innermost frame first):
            \(evidence.traceText)

            Latest log entry (redacted):
            \(evidence.sample.text)
            """
    }
}
