import ArgumentParser

/// The `heal` command line: parsing and printing only; the work lives in HealKit.
@main
struct Heal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heal",
        abstract: "Detect regressions after a deploy, triage them, and stage verified fix branches for human review.",
        subcommands: [
            DiffCommand.self,
            InitCommand.self,
            DetectCommand.self,
            TriageCommand.self,
            HooksCommand.self,
            StatusCommand.self,
            BreakerCommand.self,
            FixCommand.self,
            RunCommand.self,
            DemoCommand.self,
        ]
    )
}
