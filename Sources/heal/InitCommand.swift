import ArgumentParser
import Foundation
import GitKit
import HealKit

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .heal.yml at the repository root, guessed from the project.",
        discussion: "Recognises pytest, swift test, go test and jest. Never replaces an existing file without --force.")

    @Flag(help: "Replace an existing .heal.yml.") var force = false
    @Option(name: .customLong("repo"), help: "A path inside the repository (default: the current directory).") var repo: String = "."

    func run() async throws {
        try await runReportingErrors {
            let repository = try Repository(discovering: repo)
            guard let root = repository.workingDirectory else {
                throw BareRepository(path: repo)
            }
            let written = try ConfigInitializer.write(root: root, force: force)
            let detected = written.guess.runner.map { "for \($0) (from \(written.guess.evidence.joined(separator: ", ")))" }
                ?? "with generic defaults (no test runner recognised; edit suite.command and suite.test)"
            print("\(written.replaced ? "replaced" : "wrote") \(written.path) \(detected)")
            return .success
        }
    }
}

/// heal init needs a working tree to put `.heal.yml` in.
private struct BareRepository: UserInputError {
    var path: String
    var description: String { "\(path) is a bare repository; run heal init inside a clone with a working tree" }
}
