import Foundation
import Testing
import TestSupport

/// Paths of the report fixtures copied into the test bundle.
enum ReportFixtures {
    static func path(_ relative: String) throws -> String {
        let resources = try #require(Bundle.module.resourceURL)
        return resources.appendingPathComponent("Fixtures/reports/\(relative)").path
    }

    /// A repository laid out like the pytest project the pytest fixtures came from.
    static func pytestRepository() throws -> TempRepo {
        let repo = try TempRepo(prefix: "pytest-project")
        for file in ["src/calc/__init__.py", "src/calc/tests/test_inner.py", "tests/__init__.py", "tests/test_math.py", "pytest.ini"] {
            try repo.write(file, "")
        }
        return repo
    }
}
