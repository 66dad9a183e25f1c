extension ProjectDetector {
    /// Maven Surefire: one `TEST-*.xml` per class under each module's `target/surefire-reports`,
    /// copied into `{results_dir}` (old reports removed first, so a stale class never counts).
    /// `-Dtest=Class#method` selects one test; ids are `classname/name`.
    static func maven() -> Guess {
        let clean = "find . -path '*/target/surefire-reports' -prune -exec rm -rf {} + ; "
        let collect = " ; find . -path '*/target/surefire-reports/TEST-*.xml' -exec cp {} {results_dir}/ \\;"
        var config = HealConfig()
        config.suite = HealConfig.Suite(
            command: clean + "mvn -B -q test -Dmaven.test.failure.ignore=true" + collect, format: .junit,
            test: clean + "mvn -B -q test -Dmaven.test.failure.ignore=true -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dtest={classname}#{name}" + collect,
            build: "mvn -B -q test-compile")
        config.scope.tests = ["src/test/**", "**/src/test/**"]
        return Guess(runner: "maven surefire", evidence: ["pom.xml"], config: config)
    }

    /// Gradle's JUnit XML under `build/test-results/test`; `--tests Class.method` selects one.
    static func gradle(_ files: Files, evidence: String) -> Guess {
        let gradle = files.exists("gradlew") ? "./gradlew" : "gradle"
        let clean = "find . -path '*/build/test-results' -prune -exec rm -rf {} + ; "
        let collect = " ; find . -path '*/build/test-results/*/TEST-*.xml' -exec cp {} {results_dir}/ \\;"
        var config = HealConfig()
        config.suite = HealConfig.Suite(
            command: clean + "\(gradle) test --continue" + collect, format: .junit,
            test: clean + "\(gradle) test --continue --tests {classname}.{name}" + collect,
            build: "\(gradle) testClasses")
        config.scope.tests = ["src/test/**", "**/src/test/**"]
        return Guess(runner: "gradle", evidence: [evidence], config: config)
    }
}
