extension ProjectDetector {
    /// `cargo test`, read from libtest's stable text output (`format: libtest`; its JSON output
    /// needs a nightly toolchain). `--no-fail-fast` runs every test target even when one fails;
    /// `-- --exact {name}` reruns one test by its full path. With a nextest profile that writes
    /// JUnit (`.config/nextest.toml`), nextest instead.
    static func rust(_ files: Files) -> Guess {
        var config = HealConfig()
        config.scope.tests = ["tests/**", "benches/**"]
        if let profile = nextestJUnitProfile(files) {
            let copy = "; cp target/nextest/\(profile)/junit.xml {results}"
            config.suite = HealConfig.Suite(
                command: "rm -f target/nextest/\(profile)/junit.xml ; cargo nextest run --profile \(profile) --no-fail-fast \(copy)",
                format: .junit,
                test: "rm -f target/nextest/\(profile)/junit.xml ; cargo nextest run --profile \(profile) --no-fail-fast -- --exact {name} \(copy)",
                build: "cargo test --no-run")
            return Guess(runner: "cargo nextest", evidence: ["Cargo.toml", ".config/nextest.toml"], config: config)
        }
        config.suite = HealConfig.Suite(command: "cargo test --no-fail-fast 2>&1 | tee {results}", format: .libtest,
                                        test: "cargo test --no-fail-fast -- --exact {name} 2>&1 | tee {results}",
                                        build: "cargo test --no-run")
        config.coverage.format = .lcov
        config.coverage.perTest = false
        return Guess(runner: "cargo test", evidence: ["Cargo.toml"], config: config,
                     coverageTestExample: "cargo llvm-cov --lcov --output-path {coverage} -- --exact {name}",
                     notes: ["With cargo-llvm-cov installed, uncomment coverage.test: the failing test's own coverage makes triage sharp."])
    }

    /// The nextest profile whose `junit` output is configured, if any (`[profile.ci.junit]`).
    private static func nextestJUnitProfile(_ files: Files) -> String? {
        guard let text = files.read(".config/nextest.toml") else { return nil }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("[profile."), trimmed.hasSuffix(".junit]") else { continue }
            return String(trimmed.dropFirst("[profile.".count).dropLast(".junit]".count))
        }
        return nil
    }
}
