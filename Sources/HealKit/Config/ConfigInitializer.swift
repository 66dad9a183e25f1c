import Foundation

/// Writes a project's first `.heal.yml` (`heal init`).
public enum ConfigInitializer {
    /// What `write` did.
    public struct Written: Sendable, Equatable {
        /// The file written.
        public var path: String
        /// What the configuration was guessed from.
        public var guess: ProjectDetector.Guess
        /// Whether an existing file was replaced.
        public var replaced: Bool
    }

    /// `.heal.yml` exists and `--force` was not given.
    public struct AlreadyExists: UserInputError, Equatable {
        public var path: String
        public var description: String {
            "\(path) already exists; heal init leaves it alone. Pass --force to replace it with a freshly guessed one."
        }
    }

    /// Writes `.heal.yml` at `root` with defaults guessed from the project, atomically (a reader
    /// never sees half a file). Refuses to replace an existing file unless `force`.
    public static func write(root: String, force: Bool,
                             executableExists: (String) -> Bool = ProjectDetector.onPath) throws -> Written {
        let path = (root as NSString).appendingPathComponent(HealConfig.fileName)
        let existed = FileManager.default.fileExists(atPath: path)
        if existed, !force { throw AlreadyExists(path: path) }
        let guess = ProjectDetector.guess(root: root, executableExists: executableExists)
        let detected = guess.runner.map { "Guessed for \($0) from \(guess.evidence.joined(separator: ", ")) by heal init." }
            ?? "heal init recognised no test runner here: set suite.command and suite.test for your project."
        let headline = ([detected] + guess.notes).joined(separator: "\n")
        try guess.config.renderYAML(headline: headline, coverageExample: guess.coverageExample,
                                    coverageTestExample: guess.coverageTestExample).write(toFile: path, atomically: true, encoding: .utf8)
        return Written(path: path, guess: guess, replaced: existed)
    }
}
