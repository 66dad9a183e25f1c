/// A way to skip, disable, focus away from or expect the failure of a test, in some framework.
public struct SkipMarker: Sendable, Equatable {
    /// What it is, for reports: `pytest skip/xfail mark`.
    public var name: String
    /// A regular expression matched against one added line.
    public var pattern: String
    /// File extensions (lowercased, without the dot) it applies to; empty for every file.
    public var extensions: Set<String>

    public init(name: String, pattern: String, extensions: Set<String> = []) {
        self.name = name
        self.pattern = pattern
        self.extensions = extensions
    }

    /// Whether the marker applies to files at `path`.
    public func applies(to path: String) -> Bool {
        extensions.isEmpty || extensions.contains(SkipMarkers.fileExtension(of: path))
    }
}

/// The skip markers heal knows, across test frameworks, and the search for them in added lines.
///
/// Markers distinctive enough to mean a skip anywhere (`pytest.mark.skip`, `XCTSkip`) apply to
/// every file — conftest files, configuration, generated code alike; ambiguous ones (`skip` at
/// the start of a Ruby line, `.Skip(` in Go) only to their language's files.
public enum SkipMarkers {
    static let python: Set<String> = ["py", "pyi"]
    static let pythonConfig: Set<String> = ["py", "ini", "cfg", "toml"]
    static let javascript: Set<String> = ["js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts", "coffee", "vue", "svelte"]
    static let jvm: Set<String> = ["java", "kt", "kts", "groovy", "scala"]
    static let dotnet: Set<String> = ["cs", "fs", "vb"]
    static let cFamily: Set<String> = ["c", "cc", "cpp", "cxx", "h", "hh", "hpp", "hxx"]

    /// Every known marker.
    public static let all: [SkipMarker] = [
        // Python: pytest and unittest.
        SkipMarker(name: "pytest skip/xfail mark", pattern: #"\bpytest\.mark\.(skip|skipif|xfail)\b"#),
        SkipMarker(name: "pytest skip/xfail mark", pattern: #"\bmark\.(skip|skipif|xfail)\b"#, extensions: python),
        SkipMarker(name: "pytest.skip/xfail/importorskip call", pattern: #"\bpytest\.(skip|xfail|importorskip)\s*\("#),
        SkipMarker(name: "unittest skip decorator", pattern: #"\bunittest\.(skip|skipIf|skipUnless|expectedFailure|SkipTest)\b"#),
        SkipMarker(name: "unittest skip decorator", pattern: #"@(skip|skipIf|skipUnless|expectedFailure)\b"#, extensions: python),
        SkipMarker(name: "unittest skipTest/SkipTest", pattern: #"(\.skipTest\s*\(|\bSkipTest\b)"#, extensions: python),
        SkipMarker(name: "pytest collect_ignore", pattern: #"\bcollect_ignore(_glob)?\b"#, extensions: python),
        SkipMarker(name: "pytest --deselect/--ignore option", pattern: #"--(deselect|ignore|ignore-glob)(=|\s|$|["'])"#, extensions: pythonConfig),
        // Swift: XCTest and Swift Testing.
        SkipMarker(name: "XCTSkip", pattern: #"\bXCTSkip(If|Unless)?\b"#),
        SkipMarker(name: "XCTExpectFailure", pattern: #"\bXCTExpectFailure\b"#),
        SkipMarker(name: "Swift Testing .disabled trait", pattern: #"\.disabled\s*\("#, extensions: ["swift"]),
        SkipMarker(name: "Swift Testing .enabled(if:) trait", pattern: #"\.enabled\s*\(\s*if\s*:"#, extensions: ["swift"]),
        SkipMarker(name: "Swift Testing withKnownIssue", pattern: #"\bwithKnownIssue\b"#, extensions: ["swift"]),
        // Go.
        // `Skip` alone is a common method name (`scanner.Skip()`), so only a test-looking receiver,
        // `T()`, or a message argument marks it.
        SkipMarker(name: "Go t.Skip",
                   pattern: #"(\b(t|b|f|tb|tt)\.Skip\s*\(|\bT\(\)\.Skip\s*\(|\.Skip\s*\(\s*["`]|\.(Skipf|SkipNow)\s*\()"#,
                   extensions: ["go"]),
        SkipMarker(name: "Go build constraint (can exclude a test file)", pattern: #"^\s*//\s*(go:build|\+build)\b"#, extensions: ["go"]),
        // JavaScript and TypeScript: Jest, Mocha, Vitest, Jasmine.
        SkipMarker(name: "skipped, todo, failing or focused test (it.skip, test.todo, describe.only, …)",
                   pattern: #"\b(it|test|describe|context|suite|specify|bench)(\.\w+)*\.(skip|skipIf|runIf|todo|failing|fails|only)\b"#,
                   extensions: javascript),
        SkipMarker(name: "xit/xdescribe/fit/fdescribe", pattern: #"\b(xit|xtest|xdescribe|xcontext|xspecify|fit|fdescribe|ftest)\s*\("#,
                   extensions: javascript),
        SkipMarker(name: "Mocha this.skip()", pattern: #"\bthis\.skip\s*\("#, extensions: javascript),
        SkipMarker(name: "Jest ignore patterns", pattern: #"\b(testPathIgnorePatterns|modulePathIgnorePatterns)\b"#),
        // JVM: JUnit 4/5, TestNG, ScalaTest.
        SkipMarker(name: "JUnit @Disabled/@Ignore/conditional execution", pattern: #"@(Disabled\w*|Ignore|EnabledIf\w*|EnabledOn\w*|EnabledFor\w*)\b"#,
                   extensions: jvm),
        SkipMarker(name: "JUnit assumption", pattern: #"\b(Assume|Assumptions)\.\w+|\bassum(e|ing)(True|False|That)\s*\("#, extensions: jvm),
        SkipMarker(name: "TestNG enabled = false", pattern: #"\benabled\s*=\s*false\b"#, extensions: jvm),
        SkipMarker(name: "ScalaTest ignore/pending", pattern: #"\b(ignore|pendingUntilFixed)\b"#, extensions: ["scala"]),
        // .NET: NUnit, xUnit, MSTest.
        SkipMarker(name: "NUnit/MSTest [Ignore]/[Explicit]", pattern: #"\[\s*(Ignore|Explicit)\b"#, extensions: dotnet),
        SkipMarker(name: "xUnit Skip =", pattern: #"\bSkip\s*="#, extensions: dotnet),
        SkipMarker(name: "Assert.Ignore/Inconclusive", pattern: #"\bAssert\.(Ignore|Inconclusive)\s*\("#, extensions: dotnet),
        // Ruby: RSpec and Minitest.
        SkipMarker(name: "RSpec/Minitest skip or pending", pattern: #"^\s*(skip|pending)\b(?!\s*=[^=>~])"#, extensions: ["rb"]),
        SkipMarker(name: "RSpec xit/xdescribe", pattern: #"\b(xit|xdescribe|xcontext|xspecify|xexample|xscenario|xfeature)\b"#, extensions: ["rb"]),
        SkipMarker(name: "RSpec skip/pending metadata", pattern: #"(\b(skip|pending)\s*:|:(skip|pending)\s*(=>|,|$))"#, extensions: ["rb"]),
        // Others.
        SkipMarker(name: "Rust #[ignore]", pattern: #"#\[\s*ignore\b"#, extensions: ["rs"]),
        SkipMarker(name: "PHPUnit markTestSkipped/markTestIncomplete", pattern: #"\bmarkTest(Skipped|Incomplete)\s*\("#),
        SkipMarker(name: "GoogleTest GTEST_SKIP/DISABLED_", pattern: #"\b(GTEST_SKIP|DISABLED_\w+)"#),
        SkipMarker(name: "Catch2 SKIP/[!mayfail]/[!shouldfail]", pattern: #"(\bSKIP\s*\(|\[!(mayfail|shouldfail)\])"#, extensions: cFamily),
        SkipMarker(name: "ExUnit @tag :skip", pattern: #"@(tag|moduletag|describetag)\s+(:skip\b|skip:)"#, extensions: ["ex", "exs"]),
        SkipMarker(name: "Dart skip:", pattern: #"\bskip\s*:\s*(true|['"])"#, extensions: ["dart"]),
        SkipMarker(name: "Bats skip", pattern: #"^\s*skip\b"#, extensions: ["bats"]),
    ]

    /// The first marker among `markers` that applies to `path` and matches `line`, if any.
    public static func find(in line: String, path: String, markers: [SkipMarker] = all) -> SkipMarker? {
        Matcher(markers).find(in: line, path: path)
    }

    /// The markers with their patterns compiled once, for searching many lines.
    struct Matcher {
        private let compiled: [(marker: SkipMarker, regex: Regex<AnyRegexOutput>)]

        /// Compiles each marker's pattern; a pattern that is not a valid regular expression (only
        /// possible for a caller's own markers) is left out rather than matching everything.
        /// `\b` is the usual boundary between `\w` and non-`\w` characters, not Unicode's word
        /// boundary, under which `s.T` is one word.
        init(_ markers: [SkipMarker]) {
            compiled = markers.compactMap { marker in
                (try? Regex(marker.pattern)).map { (marker, $0.wordBoundaryKind(.simple)) }
            }
        }

        func find(in line: String, path: String) -> SkipMarker? {
            compiled.first { $0.marker.applies(to: path) && line.contains($0.regex) }?.marker
        }
    }

    /// The lowercased extension of the path's last component, or "" when there is none.
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
