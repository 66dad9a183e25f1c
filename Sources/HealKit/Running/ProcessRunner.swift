import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs processes for heal: test suites, coverage commands, fix agents.
///
/// Every run is a fresh process leading its own session (so its own process group). On timeout
/// the whole group gets SIGTERM, then SIGKILL after `ProcessSpec.killGrace`; and once the
/// process is gone, whatever it left running in its group is killed too, so a test runner's
/// or an agent's children never outlive the run. Output goes to files (the caller's, or
/// scratch files whose last `captureLimit` bytes are kept), which also means a background
/// child holding the stream open cannot stall the run.
public enum ProcessRunner {
    /// How many trailing bytes of each stream `ProcessOutcome` keeps when they are captured.
    public static let captureLimit = 64 * 1024

    /// Runs `spec` to completion (or to its timeout) and reports how it ended. A non-zero exit
    /// is an outcome, not an error; throws `ProcessRunError` when the process cannot start.
    /// Cancelling the calling task tears the process group down the same way as a timeout.
    public static func run(_ spec: ProcessSpec) async throws -> ProcessOutcome {
        let scratch = try makeScratchDirectory(needed: spec.stdoutFile == nil || spec.stderrFile == nil || spec.input != .null)
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let stdoutPath = spec.stdoutFile ?? scratch! + "/stdout"
        let stderrPath = spec.stderrFile ?? scratch! + "/stderr"
        let combined = stdoutPath == stderrPath

        // Input text goes through a file, not swift-subprocess's `.string` input: in 1.0.2 its
        // stdin writer traps on an unclosed descriptor when the process exits without reading
        // everything ("FileDescriptor … was not closed"), taking heal down with it.
        var stdinDescriptor: FileDescriptor?
        if case .text(let text) = spec.input {
            let stdinPath = scratch! + "/stdin"
            try Data(text.utf8).write(to: URL(fileURLWithPath: stdinPath))
            stdinDescriptor = try openForReading(stdinPath)
        }
        let stdoutDescriptor: FileDescriptor
        let stderrDescriptor: FileDescriptor?
        do {
            stdoutDescriptor = try openForWriting(stdoutPath)
            do {
                stderrDescriptor = combined ? nil : try openForWriting(stderrPath)
            } catch {
                try? stdoutDescriptor.close()
                throw error
            }
        } catch {
            try? stdinDescriptor?.close()
            throw error
        }

        let start = ContinuousClock.now
        let launched: Launched
        do {
            launched = try await launch(spec, stdin: stdinDescriptor, stdout: stdoutDescriptor, stderr: stderrDescriptor)
        } catch let error as SubprocessError {
            throw translate(error, spec: spec)
        }
        let wallTime = ContinuousClock.now - start
        // The leader is gone; its group id stays reserved while any member lives, so this
        // reaches only the stragglers it left behind (ESRCH when there are none).
        kill(-launched.processID, SIGKILL)

        return ProcessOutcome(
            termination: launched.termination,
            timedOut: launched.timedOut,
            stdout: spec.stdoutFile == nil ? readTail(of: stdoutPath) : "",
            stderr: spec.stderrFile == nil && !combined ? readTail(of: stderrPath) : "",
            wallTime: wallTime,
            processID: launched.processID)
    }

    private struct Launched: Sendable {
        var termination: ProcessOutcome.Termination
        var processID: pid_t
        var timedOut: Bool
    }

    private static func launch(_ spec: ProcessSpec, stdin: FileDescriptor?, stdout: FileDescriptor,
                               stderr: FileDescriptor?) async throws -> Launched {
        var options = PlatformOptions()
        options.createSession = true
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in spec.environment {
            if let key = Environment.Key(rawValue: name) { overrides[key] = value }
        }
        let environment: Environment = spec.inheritsEnvironment
            ? .inherit.updating(overrides) : .custom(overrides.compactMapValues { $0 })
        let configuration = Configuration(
            executable: spec.executable.contains("/") ? .path(FilePath(spec.executable)) : .name(spec.executable),
            arguments: Arguments(spec.arguments),
            environment: environment,
            workingDirectory: spec.workingDirectory.map { FilePath($0) },
            platformOptions: options)
        let output = FileDescriptorOutput.fileDescriptor(stdout, closeAfterSpawningProcess: true)
        switch (stdin, stderr) {
        case (nil, nil):
            return try await launch(configuration, input: .none, output: output,
                                    error: .combinedWithOutput, timeout: spec.timeout, killGrace: spec.killGrace)
        case (nil, let stderr?):
            return try await launch(configuration, input: .none, output: output,
                                    error: .fileDescriptor(stderr, closeAfterSpawningProcess: true),
                                    timeout: spec.timeout, killGrace: spec.killGrace)
        case (let stdin?, nil):
            return try await launch(configuration, input: .fileDescriptor(stdin, closeAfterSpawningProcess: true),
                                    output: output, error: .combinedWithOutput,
                                    timeout: spec.timeout, killGrace: spec.killGrace)
        case (let stdin?, let stderr?):
            return try await launch(configuration, input: .fileDescriptor(stdin, closeAfterSpawningProcess: true),
                                    output: output, error: .fileDescriptor(stderr, closeAfterSpawningProcess: true),
                                    timeout: spec.timeout, killGrace: spec.killGrace)
        }
    }

    /// Runs the process to its end. The timeout and the caller's cancellation end it through
    /// `ProcessGroupTeardown` (SIGTERM to the group, grace, SIGKILL); swift-subprocess's run is
    /// never cancelled itself — it runs in a task of its own and finishes when the process does.
    private static func launch<Input: InputProtocol, Error: ErrorOutputProtocol>(
        _ configuration: Configuration, input: Input, output: FileDescriptorOutput, error: Error,
        timeout: Duration?, killGrace: Duration
    ) async throws -> Launched {
        let teardown = ProcessGroupTeardown(grace: killGrace)
        let run = Task {
            try await Subprocess.run(configuration, input: input, output: output, error: error) { execution in
                teardown.started(execution.processIdentifier.value)
            }
        }
        let timer = timeout.map { timeout in
            Task {
                try await Task.sleep(for: timeout)
                teardown.request()
            }
        }
        let result = try await withTaskCancellationHandler {
            try await run.value
        } onCancel: {
            teardown.request()
        }
        timer?.cancel()
        let tornDown = teardown.finish()
        if tornDown { await teardown.waitForChildren() }
        try Task.checkCancellation()
        return Launched(termination: termination(result.terminationStatus),
                        processID: result.processIdentifier.value,
                        timedOut: timeout != nil && tornDown)
    }

    private static func termination(_ status: TerminationStatus) -> ProcessOutcome.Termination {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signaled(signal)
        }
    }

    private static func translate(_ error: SubprocessError, spec: ProcessSpec) -> ProcessRunError {
        switch error.code {
        case .executableNotFound:
            let path = spec.environment["PATH"].flatMap { $0 } ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
            return .executableNotFound(executable: spec.executable, searchPath: path)
        case .failedToChangeWorkingDirectory:
            return .badWorkingDirectory(spec.workingDirectory ?? FileManager.default.currentDirectoryPath)
        default:
            return .launchFailed(executable: spec.executable, reason: "\(error)")
        }
    }

    private static func makeScratchDirectory(needed: Bool) throws -> String? {
        guard needed else { return nil }
        let path = FileManager.default.temporaryDirectory.path + "/heal-process-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func openForReading(_ path: String) throws -> FileDescriptor {
        do {
            return try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw ProcessRunError.cannotCreateOutputFile(path: path, reason: "\(error)")
        }
    }

    private static func openForWriting(_ path: String) throws -> FileDescriptor {
        do {
            return try FileDescriptor.open(FilePath(path), .writeOnly,
                                           options: [.create, .truncate, .closeOnExec],
                                           permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw ProcessRunError.cannotCreateOutputFile(path: path, reason: "\(error)")
        }
    }

    private static func readTail(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(captureLimit) ? size - UInt64(captureLimit) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
