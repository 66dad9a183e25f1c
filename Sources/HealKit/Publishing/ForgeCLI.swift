import Foundation

/// Runs a forge's command-line client (`gh`, `glab`) in the repository and reads its answers.
struct ForgeCLI: Sendable {
    var executable: String
    var workingDirectory: String
    /// What to tell the user when the client fails (usually how to log in).
    var loginHint: String

    /// Runs the client and returns its standard output; throws `ForgeError` on a non-zero exit.
    func run(_ arguments: [String], input: String? = nil) async throws -> String {
        let spec = ProcessSpec(executable, arguments: arguments, workingDirectory: workingDirectory,
                               environment: ["GH_PROMPT_DISABLED": "1", "NO_COLOR": "1", "GLAB_NO_PROMPT": "1"],
                               timeout: .seconds(120), input: input.map(ProcessSpec.Input.text) ?? .null)
        let outcome = try await ProcessRunner.run(spec)
        guard outcome.succeeded else {
            let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let ended = outcome.timedOut ? "timed out after 120 s" : "ended with \(outcome.termination)"
            throw ForgeError(command: commandLine(arguments), problem: said.isEmpty ? ended : "\(ended): \(said)",
                             fix: loginHint)
        }
        return outcome.stdout
    }

    /// The URL a create command printed (its last line that is a URL).
    func url(in output: String, of arguments: [String]) throws -> String {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let url = lines.last(where: { $0.hasPrefix("https://") || $0.hasPrefix("http://") }) else {
            throw ForgeError(command: commandLine(arguments), problem: "printed no URL: \(output.prefix(500))",
                             fix: "check the client's version (`\(executable) --version`)")
        }
        return url
    }

    /// Decodes a JSON answer (`--json`, `--output json`).
    func decode<T: Decodable>(_ type: T.Type, from output: String, of arguments: [String]) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(output.utf8))
        } catch {
            throw ForgeError(command: commandLine(arguments), problem: "printed JSON heal cannot read (\(error))",
                             fix: "check the client's version (`\(executable) --version`)")
        }
    }

    func commandLine(_ arguments: [String]) -> String {
        ([executable] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
