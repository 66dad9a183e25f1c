import Foundation
import TestSupport

/// The recorded coverage reports and repository roots shaped like the projects they measured.
enum CoverageFixtures {
    /// The path of `Fixtures/coverage/<name>` in the test bundle.
    static func path(_ name: String) throws -> String {
        guard let resources = Bundle.module.resourceURL else { throw FixtureMissing(name: name) }
        let url = resources.appendingPathComponent("Fixtures/coverage/\(name)")
        guard FileManager.default.fileExists(atPath: url.path) else { throw FixtureMissing(name: name) }
        return url.path
    }

    /// A fresh directory holding `files` (relative paths) with the given contents.
    static func root(_ files: [String: String]) throws -> String {
        let root = try TempDir.make(prefix: "coverage-root")
        for (relative, contents) in files {
            let url = URL(fileURLWithPath: root + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// A root with the files of every measured project.
    static func allProjects() throws -> String {
        try root([
            "src/calc/__init__.py": "", "tests/test_calc.py": "",
            "src/calc.c": "", "src/calc.h": "", "tests/run.c": "",
            "Sources/Calc/Calc.swift": "", "Tests/CalcTests/CalcTests.swift": "", "Package.swift": "",
            "go.mod": "module github.com/acme/calc\n\ngo 1.22\n", "calc.go": "", "internal/round/round.go": "",
        ])
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture Fixtures/coverage/\(name) is not in the test bundle" }
    }
}
