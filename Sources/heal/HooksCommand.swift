import ArgumentParser
import Foundation
import GitKit
import HealKit

struct HooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install, remove or show heal's git hooks (post-merge, reference-transaction).",
        subcommands: [Install.self, Uninstall.self, Status.self])

    struct Options: ParsableArguments {
        @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).")
        var repo: String = "."
        @Option(name: .customLong("config"), help: "The configuration file (default: .heal.yml at the repository root).")
        var config: String?

        func installer() throws -> HookInstaller {
            let repository = try Repository(discovering: repo)
            let settings: HealConfig
            if let config {
                settings = try HealConfig.load(from: config)
            } else if let root = repository.workingDirectory {
                settings = try HealConfig.load(repositoryRoot: root)
            } else {
                settings = HealConfig()
            }
            return HookInstaller(repository: repository, healBinary: currentExecutablePath(), deployTags: settings.deployTags)
        }
    }

    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the hooks where git runs them (honours core.hooksPath); an existing hook is kept as <hook>.legacy and called first.")
        @OptionGroup var options: Options
        @Flag(help: "Move aside a hook that would block the install (to <hook>.heal-backup) instead of refusing.")
        var force = false

        func run() async throws {
            try await runReportingErrors {
                let installer = try options.installer()
                printStatus(try installer.install(force: force))
                return .success
            }
        }
    }

    struct Uninstall: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall", abstract: "Remove heal's hooks and restore the hooks that were there before.")
        @OptionGroup var options: Options

        func run() async throws {
            try await runReportingErrors {
                printStatus(try options.installer().uninstall())
                return .success
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Show which hooks are installed.")
        @OptionGroup var options: Options
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await runReportingErrors {
                let status = try options.installer().status()
                if json { try printJSON(status) } else { printStatus(status) }
                return .success
            }
        }
    }
}

private func printStatus(_ status: [HookStatus]) {
    for entry in status {
        let chained = entry.chainsLegacy ? " (chains \(entry.hook.rawValue).legacy)" : ""
        print("\(entry.hook.rawValue): \(entry.state.rawValue)\(chained)  \(entry.path)")
    }
}

/// The absolute path of the running `heal` binary, for the hooks to call back.
func currentExecutablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return resolved
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
