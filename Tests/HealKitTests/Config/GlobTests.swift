import HealKit
import Testing

@Suite("Glob")
struct GlobTests {
    @Test(arguments: [
        ("tests/**", "tests/test_a.py", true),
        ("tests/**", "tests/unit/deep/test_a.py", true),
        ("tests/**", "src/tests/test_a.py", false),
        ("tests/**", "tests", false),
        ("tests/", "tests/unit/test_a.py", true),
        ("**/test_*.py", "test_a.py", true),
        ("**/test_*.py", "pkg/sub/test_a.py", true),
        ("**/test_*.py", "pkg/sub/a_test.py", false),
        ("src/**/*.py", "src/a.py", true),
        ("src/**/*.py", "src/x/y/a.py", true),
        ("src/**/*.py", "src/x/y/a.pyc", false),
        ("*.py", "a.py", true),
        ("*.py", "pkg/a.py", false),
        ("src/*.py", "src/pkg/a.py", false),
        ("src/**.py", "src/pkg/a.py", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file12.txt", false),
        ("a?b", "a/b", false),
        ("data[0-9].csv", "data7.csv", true),
        ("data[!0-9].csv", "data7.csv", false),
        ("data[!0-9].csv", "datax.csv", true),
        ("data[^0-9].csv", "datax.csv", true),
        ("[]]x", "]x", true),
        ("a[b", "a[b", true),
        ("\\*.md", "*.md", true),
        ("\\*.md", "x.md", false),
        ("./.github/**", ".github/workflows/ci.yml", true),
        (".heal.yml", "./.heal.yml", true),
        ("**", "anything/at/all", true),
        ("**/conftest.py", "tests/conftest.py", true),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**/b", "a/xb", false),
        ("", "", true),
        ("", "a", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func anyOfSeveralPatterns() {
        let globs = ["tests/**", ".github/**"].map(Glob.init)
        #expect(globs.anyMatches(".github/workflows/ci.yml"))
        #expect(!globs.anyMatches("src/app.py"))
    }

    @Test func pathologicalPatternsStayFast() {
        let pattern = Glob(String(repeating: "*a", count: 30) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 200)))
    }
}
