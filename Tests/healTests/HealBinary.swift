import Foundation
import TestSupport

/// Finds the `heal` executable that `swift test` built next to the test bundle, so CLI tests
/// run the real binary as a user would.
///
/// healTests depends on the `heal` target, so the binary sits in the same build directory as
/// the test bundle (`.build/debug/heal` beside `healPackageTests.xctest`). Set `HEAL_BINARY` to
/// test another build.
enum HealBinary {
    /// The path of the built `heal` executable.
    static let path: String = locate()

    /// Runs `heal` with `arguments` in `directory` and returns its exit status and output.
    static func run(_ arguments: [String], in directory: String? = nil,
                    environment: [String: String] = [:], input: String? = nil) throws -> ShellResult {
        try Shell.run([path] + arguments, in: directory, environment: environment, input: input)
    }

    private static func locate() -> String {
        if let override = ProcessInfo.processInfo.environment["HEAL_BINARY"], !override.isEmpty {
            return override
        }
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        // On macOS the test bundle is a directory (`….xctest/Contents/MacOS/…`); its build
        // directory is the bundle's parent.
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let fileManager = FileManager.default
        for directory in directories {
            let candidate = directory.appendingPathComponent("heal").path
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        // Fall back to the default build directory so a failure names where it looked.
        return directories.first.map { $0.appendingPathComponent("heal").path } ?? "heal"
    }
}
