extension TemplateLibrary {
    /// Renders a fix pull request's body from the `pr-body` template (or the repository's
    /// override of it).
    public func renderPRBody(_ input: PRBodyInput) throws(TemplateError) -> String {
        try render(name: DefaultTemplates.Name.prBody, context: PRBodyContext(input))
    }
}

/// The values the `pr-body` template sees: the input plus fences and totals, which Mustache
/// cannot compute.
struct PRBodyContext {
    struct Change {
        var agent: String
        var summary: String?
        /// Agent text is never Markdown: it goes in a fence it cannot close.
        var summaryFence: String
        var files: [PRBodyInput.ChangedFile]
        var diff: String
        var changedLines: Int
        var changedFileCount: Int
        var maxChangedLines: Int
        var maxChangedFiles: Int
    }

    /// A test of the cause as a table row: `|` escaped so an id cannot split the row.
    struct Row {
        var id: String
        var file: String?
    }

    var title: String
    var test: PRBodyInput.Test
    /// The cause's other tests, and whether there are any (a table then lists all).
    var otherTests: [Row]
    var hasOtherTests: Bool
    var testRow: Row
    var testCount: Int
    var eval: PRBodyInput.EvalResult
    var failureOutput: String?
    var failureFence: String
    var culprit: PRBodyInput.Culprit
    var causalDiff: String
    var causalDiffFence: String
    var change: Change
    var changeDiffFence: String
    var verification: PRBodyInput.Verification
    var attempt: PRBodyInput.Attempt
    var reproduce: PRBodyInput.Reproduce
    var reproduceFence: String
    var unboxedReason: String?
    var scores: PRBodyInput.Scores?
    var productionError: String?
    var causalDiffIntro: String

    init(_ input: PRBodyInput) {
        title = DefaultTemplates.heading(input.title, code: input.test.id)
        test = input.test
        func row(_ test: PRBodyInput.Test) -> Row {
            Row(id: test.id.replacingOccurrences(of: "|", with: "\\|"),
                file: test.file?.replacingOccurrences(of: "|", with: "\\|"))
        }
        otherTests = input.otherTests.map(row)
        hasOtherTests = !input.otherTests.isEmpty
        testRow = row(input.test)
        testCount = 1 + input.otherTests.count
        eval = input.eval
        failureOutput = input.failureOutput.map(DefaultTemplates.trimmingTrailingNewlines).flatMap { $0.isEmpty ? nil : $0 }
        failureFence = DefaultTemplates.fence(for: failureOutput ?? "")
        culprit = input.culprit
        causalDiff = DefaultTemplates.trimmingTrailingNewlines(input.causalDiff)
        causalDiffFence = DefaultTemplates.fence(for: causalDiff)
        let summary = input.change.summary.map(DefaultTemplates.trimmingTrailingNewlines)
        change = Change(
            agent: input.change.agent,
            summary: summary.flatMap { $0.isEmpty ? nil : $0 },
            summaryFence: DefaultTemplates.fence(for: summary ?? ""),
            files: input.change.files,
            diff: DefaultTemplates.trimmingTrailingNewlines(input.change.diff),
            changedLines: input.change.files.reduce(0) { $0 + $1.added + $1.removed },
            changedFileCount: input.change.files.count,
            maxChangedLines: input.change.maxChangedLines,
            maxChangedFiles: input.change.maxChangedFiles)
        changeDiffFence = DefaultTemplates.fence(for: change.diff)
        verification = input.verification
        attempt = input.attempt
        reproduce = input.reproduce
        scores = input.scores
        reproduceFence = DefaultTemplates.fence(for: input.reproduce.testCommand)
        unboxedReason = input.unboxedReason
        productionError = input.productionError
        causalDiffIntro = input.causalDiffIntro ?? "The smallest set of the deploy's hunks whose revert "
            + (input.scores != nil ? "restores the baseline's scores:"
                : input.otherTests.isEmpty ? "makes the test pass:" : "makes every one of these tests pass:")
    }
}
