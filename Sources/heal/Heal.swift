import ArgumentParser
import Foundation
import HealKit

/// The `heal` command line: parsing and printing only; the work lives in HealKit.
@main
struct Heal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heal",
        abstract: "Detect regressions after a deploy, triage them, and stage verified fix branches for human review.",
        version: "heal \(HealVersion.current)",
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

    /// argument-parser's own `main`, except that a usage error (an unknown, missing or bad flag
    /// or argument, a `ValidationError`) exits 2 as heal's contract says, not 64 (`EX_USAGE`).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(HealExit.badInput.rawValue)
        }
    }
}
