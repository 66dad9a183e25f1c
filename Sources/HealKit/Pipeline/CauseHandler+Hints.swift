extension CauseHandler {
    /// What a human should look at first for an ambiguous regression.
    func ambiguousHints(_ cause: Cause) -> [String] {
        let test = cause.representative
        return [
            "rerun it a few times at the deploy (`git switch --detach \(range.after.id.short())`, then \(DefaultTemplates.inlineCode(testCommand(test)))): a test that sometimes passes needs fixing or quarantining itself",
            "whether the failure has anything to do with the deploy \(range.before.id.short())..\(range.after.id.short()) (`heal diff \(range.before.id.short()) \(range.after.id.short())`)",
            "heal never dispatches an agent on an ambiguous verdict; once it fails consistently, the next `heal run` triages it again",
        ]
    }

    /// What a human should look at first once the breaker stopped the attempts.
    func breakerHints(_ cause: Cause, dispatch: FixDispatch) -> [String] {
        var hints = ["why the attempts above failed; the last one's inputs and logs: \(dispatch.runDirectory ?? "see the attempts' branches")"]
        hints.append("the causal diff: reverting it is not enough, so the deploy's intent has to be kept some other way")
        // The id may come from a log: quoted for the shell, and code for Markdown.
        let reset = DefaultTemplates.inlineCode("heal breaker reset " + CommandTemplate.quote(cause.representative))
        hints.append("after a fix by hand, \(reset) lets heal try again (a pass on the base branch closes the breaker too)")
        return hints
    }

    /// The command that runs `test` alone, as a human would type it.
    private func testCommand(_ test: String) -> String {
        CommandTemplate.render(setup.config.suite.test, TestTarget(id: test).placeholders(["results": "results.xml"]))
    }
}
