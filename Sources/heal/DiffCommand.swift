import ArgumentParser
import Foundation
import GitKit
import HealKit

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the changes between two commits, straight from the repository.",
        discussion: "Reads like `git diff --stat` plus hunk headers; --json prints the contract shape.")

    @Argument(help: "The pre-deploy revision.") var before: String
    @Argument(help: "The deploy revision.") var after: String
    @Flag(help: "Print JSON: {before, after, files: [{path, oldPath, status, binary, hunks}]}.") var json = false
    @Option(help: "Lines of context around each change.") var context: Int = 3
    @Flag(name: .customLong("no-renames"), help: "Don't pair deleted and added files into renames.") var noRenames = false
    @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).") var repo: String = "."
    @Argument(parsing: .postTerminator, help: "Only these pathspecs.") var paths: [String] = []

    func run() async throws {
        try await runReportingErrors {
            guard context >= 0 else { throw ValidationError("--context must be 0 or more, got \(context)") }
            let repository = try Repository(discovering: repo)
            let options = DiffOptions(contextLines: context, detectRenames: !noRenames, paths: paths, includeLines: !json)
            let diff = try repository.diff(from: before, to: after, options: options)
            if json {
                try printJSON(DiffJSON(diff))
            } else {
                print(DiffSummary.render(diff), terminator: "")
            }
            return .success
        }
    }
}
