/// Regular expressions that match exactly one test name, for runners that select tests by
/// pattern rather than by id: a raw name such as `0.5+tax` or `parses (a.b)` would match
/// something else or nothing, and the rerun would silently run no test.
enum TestPattern {
    /// `value` anchored and with every metacharacter escaped; valid and literal in RE2 (Go),
    /// ECMAScript (node, jest, vitest), PCRE, POSIX ERE and Swift's regular expressions.
    static func exact(_ value: String) -> String {
        "^" + escape(value) + "$"
    }

    /// What `go test -run` (and `-bench`) takes for a test named `name`: Go splits the pattern at
    /// each unbracketed `/` and matches one level of subtests per part (`regexp.QuoteMeta` per
    /// level), so `TestTax/0.5+tax` becomes `^TestTax$/^0\.5\+tax$`.
    static func goRun(_ name: String) -> String {
        name.split(separator: "/", omittingEmptySubsequences: false).map { exact(String($0)) }.joined(separator: "/")
    }

    /// What `swift test --filter` takes for a test with id `Module.Class/test`: anchored at the
    /// start, and ending where the id ends or at a `/` — Swift Testing matches the filter against
    /// an id that goes on with the test's source location (`…/adds()/File.swift:3:2`), XCTest
    /// against the bare id.
    static func swiftFilter(_ id: String) -> String {
        "^" + escape(id) + "(/|$)"
    }

    /// `value` with the characters that are special in a regular expression escaped
    /// (the set `regexp.QuoteMeta` escapes).
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if #"\.+*?()|[]{}^$"#.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
