/// Names of files that hold tests and nothing else, in the common ecosystems: what a fix for a
/// production error may add as its regression test. Files that configure how all tests run
/// (`conftest.py`, `__init__.py`, a jest or pytest configuration) are not among them: a new one
/// could change or hide every other test's result.
enum TestModuleName {
    static let examples = "test_*.py, *_test.py, *_test.go, *.test.js, *.spec.ts, *Test.java, *Tests.swift, *_spec.rb"

    static func matches(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return false }
        let stem = String(name[..<dot]), ext = String(name[name.index(after: dot)...])
        switch ext {
        case "py": return (stem.hasPrefix("test_") && stem.count > 5) || (stem.hasSuffix("_test") && stem.count > 5)
        case "go": return stem.hasSuffix("_test") && stem.count > 5
        case "rb": return stem.hasSuffix("_spec") || stem.hasSuffix("_test") || (stem.hasPrefix("test_") && stem.count > 5)
        case "java", "kt", "scala", "cs": return stem.count > 4 && (stem.hasSuffix("Test") || stem.hasSuffix("Tests") || stem.hasSuffix("IT"))
        case "swift": return stem.count > 4 && (stem.hasSuffix("Tests") || stem.hasSuffix("Test"))
        case "js", "jsx", "ts", "tsx", "mjs", "cjs":
            return [".test", ".spec"].contains { stem.hasSuffix($0) && stem.count > $0.count }
        case "rs": return stem.hasSuffix("_test") || stem.hasPrefix("test_")
        default: return false
        }
    }
}
