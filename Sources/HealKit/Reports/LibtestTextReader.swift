import Foundation

/// Reads what `cargo test` prints (Rust's libtest, stable text output; its JSON output needs
/// a nightly toolchain): `Running unittests src/lib.rs (…)` per test binary, one
/// `test name ... ok|FAILED|ignored` line per test, then a `---- name stdout ----` section per
/// failure; compiler errors (`error: could not compile …`) when a target does not build.
///
/// Ids: `file::name` for a binary built from a source file (`src/lib.rs::tests::adds`,
/// `tests/api.rs::ok`), so equal names in two test targets stay apart; doctests keep their own
/// name (`src/lib.rs - add (line 3)`). `{name}` is what `cargo test -- --exact` takes. `file` is
/// set for test targets (`tests/api.rs`), not for unit tests inside the sources. A target
/// that did not compile is a `buildFailed` case named `crate (target)`.
enum LibtestTextReader {
    private struct Found {
        var id: String
        var file: String?
        var name: String
        var outcome: TestOutcome
        var message: String?
        var output: String?
        var line: Int
    }

    static func read(path: String, into builder: inout ReportBuilder) throws {
        var lines = try LineReader(path: path)
        defer { lines.close() }
        var found: [Found] = []
        var byName: [String: [Int]] = [:]
        var file: String?
        var section: (name: String, text: BoundedText)?
        var compilerOutput = BoundedText()
        var sawBinary = false
        func closeSection() {
            guard let open = section else { return }
            section = nil
            // The failures section follows its binary's result lines: the latest test of that name.
            guard let index = byName[open.name]?.last else { return }
            let text = open.text.text
            found[index].output = text
            found[index].message = text.flatMap(panicMessage)
        }
        while let bytes = try lines.next() {
            let text = String(decoding: bytes, as: UTF8.self)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Running ") {
                closeSection()
                sawBinary = true
                file = sourceFile(running: String(trimmed.dropFirst("Running ".count)))
                compilerOutput.removeAll()
                continue
            }
            if trimmed.hasPrefix("Doc-tests ") {
                closeSection()
                sawBinary = true
                file = nil
                continue
            }
            if text.hasPrefix("---- "), text.hasSuffix(" stdout ----") {
                closeSection()
                section = (String(text.dropFirst(5).dropLast(" stdout ----".count)), BoundedText())
                continue
            }
            if section != nil {
                if text == "failures:" || text.hasPrefix("test result: ") {
                    closeSection()
                } else {
                    section?.text.append(text + "\n")
                }
                continue
            }
            if text.hasPrefix("test "), let dots = text.range(of: " ... ", options: .backwards),
               let outcome = outcome(of: String(text[dots.upperBound...])) {
                let name = String(text[text.index(text.startIndex, offsetBy: 5)..<dots.lowerBound])
                let id = file.map { $0 + "::" + name } ?? name
                byName[name, default: []].append(found.count)
                // Unit tests live inside the code they test (`src/lib.rs`'s `mod tests`): that file
                // is the code under test, not a test file a fix must keep out of.
                let testFile = file.flatMap { $0.hasPrefix("src/") ? nil : $0 }
                found.append(Found(id: id, file: testFile, name: name, outcome: outcome, line: lines.lineNumber))
                continue
            }
            if trimmed.hasPrefix("error: could not compile `") {
                let unit = trimmed.dropFirst("error: could not compile `".count)
                let crate = unit.prefix { $0 != "`" }
                let target = unit.range(of: "(").flatMap { open in unit[open.upperBound...].range(of: ")").map { unit[open.upperBound..<$0.lowerBound] } }
                let id = target.map { "\(crate) (\($0))" } ?? String(crate)
                found.append(Found(id: id, file: nil, name: id, outcome: .buildFailed, message: trimmed,
                                   output: compilerOutput.text, line: lines.lineNumber))
                compilerOutput.removeAll()
                continue
            }
            // cargo builds every target before it runs any: compiler output comes first.
            if !sawBinary { compilerOutput.append(text + "\n") }
        }
        closeSection()
        guard !found.isEmpty else {
            throw ReportReadError(file: path, line: 1, problem: "no `cargo test` result lines (`test name ... ok`) and no compiler error",
                                  hint: "Write the report with `cargo test --no-fail-fast 2>&1 | tee PATH`, or pass the right --format.")
        }
        for test in found {
            builder.add(TestCase(id: test.id, classname: test.file, name: test.name, file: test.file, outcome: test.outcome,
                                 message: test.message, output: test.output),
                        at: SourcePosition(file: path, line: test.line))
        }
    }

    /// `unittests src/lib.rs (target/debug/deps/x-1234)` or `tests/api.rs (…)` → the source
    /// file; nil for older cargo, which names only the binary.
    private static func sourceFile(running: String) -> String? {
        var rest = Substring(running)
        if rest.hasPrefix("unittests ") { rest = rest.dropFirst("unittests ".count) }
        guard let open = rest.range(of: " (") else { return nil }
        let file = rest[..<open.lowerBound]
        return file.hasSuffix(".rs") ? String(file) : nil
    }

    private static func outcome(of status: String) -> TestOutcome? {
        if status == "ok" { return .passed }
        if status.hasPrefix("FAILED") { return .failed }
        if status.hasPrefix("ignored") { return .skipped }
        return nil
    }

    /// The line after `thread '…' panicked at file:line:col:` (the assertion), else that line.
    private static func panicMessage(_ output: String) -> String? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        guard let panic = lines.firstIndex(where: { $0.contains("panicked at") }) else { return lines.first.map(String.init) }
        let next = lines.index(after: panic)
        return next < lines.endIndex ? String(lines[next]) : String(lines[panic])
    }
}
