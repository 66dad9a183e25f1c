/// What `go test -json` (before Go 1.24) leaves of a package that does not build: no JSON
/// event at all, only plain lines — `FAIL\tpkg [build failed]` on stdout, and on stderr the
/// compiler's `# pkg [pkg.test]` header followed by its errors (when the command sends stderr
/// into the results file too, `> {results} 2>&1`). Read so that the package becomes a
/// `buildFailed` case with the compiler's words instead of tests that silently vanish.
struct GoPlainBuildOutput {
    struct Failure {
        var package: String
        var message: String
        var line: Int
    }

    private(set) var failures: [Failure] = []
    /// Compiler output by package, from the `# pkg` headers.
    private(set) var compilerOutput: [String: BoundedText] = [:]
    private var currentPackage: String?

    mutating func read(_ text: String, line: Int) {
        if text.hasPrefix("FAIL\t"), text.hasSuffix(" [build failed]") || text.hasSuffix(" [setup failed]") {
            let rest = text.dropFirst("FAIL\t".count)
            let package = String(rest.prefix { $0 != " " && $0 != "\t" })
            let reason = rest.hasSuffix("[setup failed]") ? "setup failed" : "build failed"
            failures.append(Failure(package: package, message: "\(reason): \(package) did not compile, so none of its tests ran", line: line))
            currentPackage = nil
            return
        }
        if text.hasPrefix("# ") {
            currentPackage = String(text.dropFirst(2).prefix { $0 != " " })
            return
        }
        guard let currentPackage else { return }
        compilerOutput[currentPackage, default: BoundedText()].append(text + "\n")
    }

    /// The compiler's first line for the package (`calc/calc.go:3:41: syntax error: …`), or the
    /// plain failure line's own words.
    func message(of failure: Failure) -> String {
        guard let first = compilerOutput[failure.package]?.text?.split(separator: "\n").first else { return failure.message }
        return "build failed: \(first)"
    }
}
