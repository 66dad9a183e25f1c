extension ProjectDetector {
    /// `go test -json`, stderr included so a package that does not compile (Go before 1.24
    /// prints no event for it) reaches the report with the compiler's words. `-count=1`: Go's
    /// test cache would otherwise answer reruns with an old pass. `{go_run}` anchors and
    /// escapes each `/` level of the name, so `TestTax/0.5+tax` reruns exactly that subtest.
    static func go() -> Guess {
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "go test -count=1 -json ./... > {results} 2>&1", format: .goJSON,
                                        test: "go test -count=1 -json -run {go_run} {classname} > {results} 2>&1",
                                        build: "go test -count=1 -run '^$' ./...")
        config.coverage = HealConfig.Coverage(
            command: "go test -count=1 -coverpkg=./... -coverprofile={coverage} ./...", format: .go, perTest: false,
            test: "go test -count=1 -run {go_run} -coverpkg=./... -coverprofile={coverage} {classname}")
        config.scope.tests = ["**/*_test.go", "**/testdata/**"]
        return Guess(runner: "go test", evidence: ["go.mod"], config: config)
    }
}
