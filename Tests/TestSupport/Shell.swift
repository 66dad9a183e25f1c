import Foundation

/// The result of a finished subprocess.
public struct ShellResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// A failed command in a test's setup.
public struct ShellError: Error, CustomStringConvertible {
    public var command: String
    public var result: ShellResult
    public var description: String {
        "`\(command)` exited \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)"
    }
}

/// Runs real processes for tests (git, python, the heal binary).
public enum Shell {
    /// Runs `arguments` (looked up on PATH) in `directory` and returns what it printed.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil,
                           environment: [String: String] = [:], input: String? = nil) throws -> ShellResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outFile = try TempDir.make(prefix: "shell-out")
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        let outPath = outFile + "/out", errPath = outFile + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ShellResult(status: process.terminationStatus,
                           stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                           stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Like `run`, but throws `ShellError` unless the command exits 0.
    @discardableResult
    public static func check(_ arguments: [String], in directory: String? = nil,
                             environment: [String: String] = [:], input: String? = nil) throws -> String {
        let result = try run(arguments, in: directory, environment: environment, input: input)
        guard result.status == 0 else { throw ShellError(command: arguments.joined(separator: " "), result: result) }
        return result.stdout
    }
}

/// Temporary directories that tests create and remove.
public enum TempDir {
    /// Creates a fresh directory under the system temp dir and returns its real path.
    public static func make(prefix: String = "heal-test") throws -> String {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        let path = base + "/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
