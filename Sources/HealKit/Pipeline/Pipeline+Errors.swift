import Foundation
import GitKit

/// Production error logs in the pipeline: judged next to the suite on the deploy's files,
/// triaged from their traces (no runner, no reruns), grouped into causes of their own.
extension Pipeline {
    /// The error logs judged, or nil when the configuration has none.
    func gradeErrors() async throws -> ErrorLogGrader.Grade? {
        guard let settings = config.errors else { return nil }
        progress("reading the error logs…")
        let grade = try await parts.errorLogs.grade(settings, deploy: range.after.id, repositoryPath: setup.root)
        let json = grade.json
        progress("  \(json.baseline.errors) errors in \(DurationText.describe(json.baseline.seconds)) before the deploy, "
                 + "\(json.current.errors) in \(DurationText.describe(json.current.seconds)) after; "
                 + "\(json.tested) signature\(json.tested == 1 ? "" : "s") tested")
        for (side, window) in [("before", json.baseline), ("after", json.current)] where !window.problems.isEmpty {
            progress("  \(window.problems.count) line\(window.problems.count == 1 ? "" : "s") of the \(side) logs could not be used, "
                     + "e.g. \(window.problems.first.first.map(\.description) ?? "")")
        }
        return grade
    }

    /// Verdicts and causes for the error regressions of `detected`.
    func triageErrors(_ detected: Detected, taken: Set<String>) throws -> TriageOutcome {
        let regressions = detected.detection.regressions.filter(\.kind.isProductionError)
        guard let grade = detected.errors, !regressions.isEmpty else { return TriageOutcome() }
        let triage = try ErrorTriage(repository: try Repository(discovering: setup.root), before: range.before.id,
                                     after: range.after.id, mapper: grade.mapper)
        var members: [ErrorCauses.Member] = []
        for regression in regressions {
            guard let events = grade.detection.evidence[regression.test] else { continue }
            progress("triaging \(regression.test) from its trace…")
            members.append(ErrorCauses.Member(regression: regression.test, result: try triage.triage(regression, events: events)))
        }
        var taken = taken
        let outcome = ErrorCauses.group(members, diff: triage.diff, taken: &taken)
        for cause in outcome.causes { progress("  " + Self.describe(cause)) }
        return outcome
    }

    /// The breakers of error signatures that no longer occur (no event after the deploy) close,
    /// as a test's close when it passes again.
    func closeErrorBreakers(_ grade: ErrorLogGrader.Grade?) async throws {
        guard let grade else { return }
        let occurring = Set(grade.current.counts.keys.map(SecretRedactor.redact))
        let seenBefore = Set(grade.baseline.counts.keys.map(SecretRedactor.redact))
        for breaker in try await parts.store.breakers(repository: setup.repositoryID)
        where (breaker.state.consecutiveFailures > 0 || breaker.state.isOpen)
            && seenBefore.contains(breaker.key.test) && !occurring.contains(breaker.key.test) {
            try await parts.store.closeBreaker(breaker.key, at: parts.clock())
            progress("closed the breaker of \(breaker.key.test): it no longer occurs after \(range.after.id.short())")
        }
    }
}

extension TriageOutcome {
    /// This outcome followed by `other`'s causes and verdicts (ids already distinct).
    func appending(_ other: TriageOutcome) -> TriageOutcome {
        TriageOutcome(causes: causes + other.causes, triaged: triaged + other.triaged)
    }
}
