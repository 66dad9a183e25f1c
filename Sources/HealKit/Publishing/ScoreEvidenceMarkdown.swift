import Foundation

/// The eval section of a PR body, an escalation ticket or an agent prompt: a table per case of
/// the cause — baseline, deploy and (once verified) with the fix: mean and n — the test that
/// confirmed the drop and its p-value, and the samples themselves folded below.
enum ScoreEvidenceMarkdown {
    /// The table for `cases` (id → evidence, in `order`), with the fix's column when `fixed`
    /// has the case.
    static func render(order: [String], cases: [String: ScoreEvidence], fixed: [String: ScoreVerification.CaseCheck] = [:],
                       baselineRevision: String, deployRevision: String) -> String {
        let withFix = !fixed.isEmpty
        var lines = [
            "| Case | Baseline `\(baselineRevision)` | Deploy `\(deployRevision)` |" + (withFix ? " With the fix |" : "")
                + " Drop confirmed by |",
            "|---|---|---|" + (withFix ? "---|" : "") + "---|",
        ]
        for id in order {
            guard let evidence = cases[id] else { continue }
            let confirmation = evidence.confirmation
            var row = "| `\(id)` | \(cell(confirmation.baseline)) | \(cell(confirmation.deploy)) |"
            if withFix { row += " \(fixed[id].map { cell($0.fixed) } ?? "–") |" }
            row += " \(test(confirmation.test)), Holm-adjusted \(ScoreConfirmation.formatP(confirmation.adjustedPValue)) |"
            lines.append(row)
        }
        lines += ["", "Means of fresh samples, each call of the case command a new process; n = samples. The drop is "
                  + "judged by a one-sided exact test (Fisher's for 0/1 scores, Mann-Whitney U otherwise) with Holm's "
                  + "correction over the cases confirmed together."]
        var samples: [String] = []
        for id in order {
            guard let confirmation = cases[id]?.confirmation else { continue }
            samples.append("\(id) baseline: \(list(confirmation.baseline.samples))")
            samples.append("\(id) deploy:   \(list(confirmation.deploy.samples))")
            if let check = fixed[id] { samples.append("\(id) with fix: \(list(check.fixed.samples))") }
        }
        let text = samples.joined(separator: "\n")
        let fence = DefaultTemplates.fence(for: text)
        lines += ["", "<details><summary>Samples</summary>", "", fence + "text", text, fence, "", "</details>"]
        return lines.joined(separator: "\n")
    }

    /// How each case held up with the fix, one line each.
    static func verification(_ checks: [ScoreVerification.CaseCheck]) -> String {
        checks.map { check in
            "- `\(check.id)` with the fix: mean \(ScoreConfirmation.format(check.fixed.mean)) (n=\(check.fixed.n)); "
                + "not significantly below the baseline (\(test(check.againstBaseline))), "
                + "significantly above the deploy (\(test(check.againstDeploy)))"
        }.joined(separator: "\n")
    }

    private static func cell(_ summary: ScoreSummary) -> String {
        "\(ScoreConfirmation.format(summary.mean)) (n=\(summary.n))"
    }

    private static func test(_ result: ScoreTestResult) -> String {
        "\(result.method.rawValue) p=\(ScoreConfirmation.formatP(result.pValue))"
    }

    private static func list(_ samples: [Double]) -> String {
        let shown = samples.prefix(60).map { $0 == $0.rounded() ? String(Int($0)) : String(format: "%.3g", $0) }
        return shown.joined(separator: " ") + (samples.count > 60 ? " … (\(samples.count) in all)" : "")
    }
}
