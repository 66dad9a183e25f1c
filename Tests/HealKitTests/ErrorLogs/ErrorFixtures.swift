import Foundation
import Testing

/// The error-log fixtures copied into the test bundle (see Fixtures/errors/README.md).
enum ErrorFixtures {
    static func path(_ name: String) throws -> String {
        let resources = try #require(Bundle.module.resourceURL)
        return resources.appendingPathComponent("Fixtures/errors/\(name)").path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }
}
