/// The demo's explanations of a `heal run` report, written for someone seeing heal for the
/// first time.
enum DemoNarration {
    /// Detection, the verdicts, the culprit and the minimal causal hunk of part 1.
    static func partOne(_ report: HealRunReport) -> String {
        let regressions = report.detection.regressions
        var lines = ["", "Detection: \(regressions.count) regression\(regressions.count == 1 ? "" : "s") (passed before, fail after):"]
        for regression in regressions {
            let message = regression.message?.split(separator: "\n").first.map(String.init) ?? ""
            lines.append("  \(regression.test)  \(regression.kind.rawValue)\(message.isEmpty ? "" : ": " + message)")
        }
        lines.append("")
        lines.append("Verdicts (triage reruns each test in fresh processes; no LLM involved):")
        for item in report.triaged {
            let verdict = item.verdict
            lines.append("  \(verdict.verdict.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(verdict.test)")
            for reason in verdict.reason.components(separatedBy: "; ") {
                lines.append("              · \(reason)")
            }
            if let escalation = report.escalations.first(where: { $0.test == verdict.test }) {
                lines.append("              → never dispatched; escalated to a human: \(escalation.ticket)")
            }
        }
        for item in report.triaged where item.verdict.verdict == .introduced {
            let verdict = item.verdict
            if let culprit = verdict.culprit {
                lines.append("")
                lines.append("Culprit commit (\(item.deployCommits) commits searched in \(item.culpritRuns) test runs): "
                             + "\(culprit.id.short()) “\(culprit.summary)” by \(culprit.author.name)")
            }
            let hunks = verdict.causalDiff.reduce(0) { $0 + $1.hunks.count }
            lines.append("Minimal causal hunk\(hunks == 1 ? "" : "s"): \(hunks) of the culprit's \(item.candidateHunks) candidate "
                         + "hunk\(item.candidateHunks == 1 ? "" : "s"), found by delta debugging in \(item.minimizeRuns) runs:")
            lines.append(indent(UnifiedDiffText.render(verdict.causalDiff), by: "  │ "))
        }
        return lines.joined(separator: "\n")
    }

    /// One run of part 2: how the attempt ended and where the breaker stands.
    static func attempt(_ report: HealRunReport, test: String, maxAttempts: Int) -> String {
        let dispatch = report.dispatches.first { $0.test == test }
        let handling = report.handled.first { $0.test == test }?.handling
        var line = "  "
        if let dispatch {
            line += dispatch.outcome == .breakerOpen
                ? "no attempt: \(dispatch.reason ?? "the breaker is open")"
                : "attempt \(dispatch.attempt) \(dispatch.outcome.rawValue): \(dispatch.reason ?? "")"
        } else {
            line += "no dispatch"
        }
        switch handling {
        case .escalated(let ticket)?:
            line += "\n  → the breaker is open after \(maxAttempts) failed attempts: no more agents; escalated to \(ticket)"
        case .unhandled?:
            line += "\n  → exit 1 (not handled yet); the breaker counts the failure and the next run tries again"
        default:
            break
        }
        return line
    }

    /// Part 3: each flagged eval case's verdict, and what confirmation and the probes found.
    static func partThree(_ report: HealRunReport) -> String {
        var lines = ["", "Verdicts (fresh samples at both commits, an exact one-sided test with Holm's correction):"]
        for item in report.triaged {
            let verdict = item.verdict
            lines.append("  \(verdict.verdict.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(verdict.test)")
            for reason in verdict.reason.components(separatedBy: "; ") {
                lines.append("              · \(reason)")
            }
        }
        if let cause = report.causes.first(where: { $0.verdict.verdict == .introduced && $0.verdict.culprit != nil }) {
            lines.append("")
            lines.append("One cause, \(cause.tests.joined(separator: " and ")): one triage, one fix. Its causal hunk:")
            lines.append(indent(UnifiedDiffText.render(cause.verdict.causalDiff), by: "  │ "))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with `prefix` before every line.
    static func indent(_ text: String, by prefix: String) -> String {
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
