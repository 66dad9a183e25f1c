import ArgumentParser
import Foundation
import GitKit
import HealKit

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command body and maps failures to heal's exit codes: 2 for input the user can fix
/// (with the message), 3 for heal's own failures.
func runReportingErrors(_ body: () async throws -> HealExit) async throws {
    let code: HealExit
    do {
        code = try await body()
    } catch let error as GitError {
        printError("heal: \(error)")
        code = error.isUserInput ? .badInput : .internalFailure
    } catch let error as UserInputError {
        printError("heal: \(error)")
        code = .badInput
    } catch let error as ValidationError {
        throw error
    } catch {
        printError("heal: internal error: \(error)")
        code = .internalFailure
    }
    if code != .success { throw ArgumentParser.ExitCode(code.rawValue) }
}

/// Encodes a value as pretty, key-sorted JSON on standard output, dates as ISO 8601.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    // Reasons and messages in it quote what tests and agents printed: no secret goes out.
    let text = SecretRedactor.redactTokens(String(decoding: try encoder.encode(value), as: UTF8.self))
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

extension GitError {
    /// Whether the user can fix this (a bad revision, a path that is no repository, a
    /// missing object), rather than heal having failed.
    var isUserInput: Bool {
        switch kind {
        case .notFound, .notARepository, .missingInShallowClone, .branchCheckedOut, .exists: true
        case .applyFailed, .other: false
        }
    }
}
