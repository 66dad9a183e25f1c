/// Gives each build failure the tests that vanished with it, so a deploy that breaks the build
/// never reads as "no regressions" with its tests silently gone.
enum BuildFailureAttribution {
    /// A missing test belongs to the build failure whose unit prefixes its id (a Go package
    /// `pkg` → `pkg/TestX`, a Python module `tests.test_x` → `tests.test_x.C.test_a`, a file
    /// `test/x.test.js` → `test/x.test.js::…`); the rest go to the first build failure (the
    /// whole suite, or a crate whose other targets depend on it).
    static func attribute(missing: [String], to regressions: inout [Regression]) {
        let failures = regressions.indices.filter { regressions[$0].kind == .buildFailure }
        guard let first = failures.first, !missing.isEmpty else { return }
        var attributed: [Int: [String]] = [:]
        for test in missing {
            let owner = failures.first { index in
                let unit = regressions[index].test
                return ["/", ".", "::", " > "].contains { test.hasPrefix(unit + $0) }
            } ?? first
            attributed[owner, default: []].append(test)
        }
        for (index, tests) in attributed { regressions[index].missingTests = tests.sorted() }
    }
}
