/// Causes made of production errors: one not linked to the deploy is escalated with its
/// evidence and never dispatched; an introduced one gets a fix like any cause, with its
/// evidence instead of a failing test (`ProductionErrorFix`).
extension CauseHandler {
    /// The cause's representative as a production error regression, when it is one.
    func productionError(_ cause: Cause, in report: HealRunReport) -> Regression? {
        report.detection.regressions.first { $0.test == cause.representative && $0.kind.isProductionError }
    }

    func handleProductionError(_ cause: Cause, regression: Regression, report: inout HealRunReport) async throws -> RegressionHandling {
        let evidence = ErrorEvidenceMarkdown.render(regression)
        switch cause.verdict.verdict {
        case .ambiguous, .preExisting, .noise:
            return try await escalate(cause, report: &report, reason: cause.verdict.reason,
                                      lookAt: notLinkedHints(regression), productionError: evidence)
        case .introduced:
            return try await fix(cause, report: &report, productionError: ProductionErrorFix(regression))
        }
    }

    /// What a human should look at first for an error the deploy's changes do not explain.
    func notLinkedHints(_ regression: Regression) -> [String] {
        var hints = ["what else changed when the rate rose: dependencies, infrastructure, traffic, the services it calls "
                     + "(no frame of its trace lies in code the deploy \(range.before.id.short())..\(range.after.id.short()) changed)"]
        if let frame = regression.errors?.frames.first(where: { $0.path == nil }) {
            hints.append("the code outside the repository where it is raised: `\(frame.file)` in `\(frame.function)`")
        }
        hints.append("heal never dispatches an agent on an error it cannot link to the deploy; if a later deploy touches "
                     + "its stack, the next `heal run` links it")
        return hints
    }
}
