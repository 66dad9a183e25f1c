/// What triage measured of an eval cause's cases, for its fix request and its ticket.
extension CauseHandler {
    /// The score evidence of each case of the cause (none for a cause of tests or errors).
    func scoreEvidence(_ cause: Cause, in report: HealRunReport) -> [String: ScoreEvidence] {
        Dictionary(uniqueKeysWithValues: report.triaged.compactMap { item in
            item.scores.flatMap { cause.tests.contains(item.verdict.test) ? (item.verdict.test, $0) : nil }
        })
    }

    /// The cause's per-case table (baseline and deploy: mean and n; the test and its p-value),
    /// or nil when the cause has no eval case.
    func scoreTable(_ cause: Cause, in report: HealRunReport) -> String? {
        let evidence = scoreEvidence(cause, in: report)
        guard !evidence.isEmpty else { return nil }
        return ScoreEvidenceMarkdown.render(order: cause.tests, cases: evidence, baselineRevision: range.before.id.short(),
                                            deployRevision: range.after.id.short())
    }
}
