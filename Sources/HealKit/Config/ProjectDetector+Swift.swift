extension ProjectDetector {
    /// `swift test --parallel`: on Linux XCTest writes its xunit file only in parallel mode;
    /// Swift Testing writes `{results}` with `-swift-testing` before the extension next to it,
    /// and heal reads every file of the results folder. `--filter` takes a regular expression
    /// matched against `Module.Class/test`, so `{swift_filter}` selects exactly the test.
    ///
    /// Coverage of one test: a failing test makes `--enable-code-coverage` write no report, so
    /// the raw profiles are merged and exported with the toolchain's own llvm tools (Debian's
    /// reject the toolchain's profile format), in a build folder of its own.
    static func swift() -> Guess {
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "swift test --parallel --xunit-output {results}", format: .junit,
                                        test: "swift test --parallel --filter {swift_filter} --xunit-output {results}",
                                        build: "swift build --build-tests")
        let tools = "T=$(dirname \"$(readlink -f \"$(command -v swift)\")\")"
        let bin = "B=$(swift build --scratch-path .build/heal-coverage --show-bin-path)"
        config.coverage = HealConfig.Coverage(
            format: .lcov, perTest: false,
            test: "rm -rf .build/heal-coverage/*/debug/codecov ; "
                + "swift test --scratch-path .build/heal-coverage --enable-code-coverage --filter {swift_filter} ; "
                + "\(tools) ; \(bin) ; "
                + "\"$T/llvm-profdata\" merge -sparse \"$B\"/codecov/*.profraw -o \"$B/codecov/heal.profdata\" && "
                + "\"$T/llvm-cov\" export -format=lcov -instr-profile=\"$B/codecov/heal.profdata\" "
                + "\"$B\"/*PackageTests.xctest > {coverage}")
        config.scope.tests = ["Tests/**"]
        return Guess(runner: "swift test", evidence: ["Package.swift"], config: config)
    }
}
