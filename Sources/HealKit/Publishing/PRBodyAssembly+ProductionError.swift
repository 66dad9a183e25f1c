/// The parts of a PR body that differ for a production error's fix.
extension PRBodyAssembly {
    /// The error's evidence as the triggering result, the verification that was done, and how
    /// to reproduce it (the new test, when there is one).
    static func describeErrorFix(_ error: ProductionErrorFix, fix: VerifiedFix, in input: inout PRBodyInput) {
        input.productionError = ErrorEvidenceMarkdown.render(error.regression)
        input.causalDiffIntro = "The deploy's changed hunks that the error's trace runs through:"
        input.verification.statements = fix.verification.statements
        let deploy = fix.request.deploy.short(12)
        if let test = fix.verification.reproducedBy.first {
            input.reproduce.note = "The new regression test " + DefaultTemplates.inlineCode(test) + " comes with the fix: heal ran it "
                + "on the deploy's code (it fails) and with the fix (it passes). On the branch, run "
                + DefaultTemplates.inlineCode(fix.testCommand) + "; to see it fail, restore the deploy's version of the fixed files "
                + "(" + DefaultTemplates.inlineCode("git checkout \(deploy) -- <file>") + ") and run it again."
        } else {
            input.reproduce.note = "The error was seen in production logs and no test reproduces it; the fix reverts the causal "
                + "hunks. Compare " + DefaultTemplates.inlineCode("git diff \(deploy) \(input.reproduce.branch)") + " with the trace above."
        }
    }
}
