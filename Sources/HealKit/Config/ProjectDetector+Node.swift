import Foundation

extension ProjectDetector {
    /// A `package.json` project: jest or vitest when it depends on them, else node's own test
    /// runner (`node --test`, node 18+), which needs no dependency.
    static func node(_ files: Files) -> Guess? {
        for name in ["jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs", "jest.config.json"]
        where files.exists(name) {
            return jest(evidence: [name])
        }
        for name in ["vitest.config.ts", "vitest.config.js", "vitest.config.mjs"] where files.exists(name) {
            return vitest(evidence: [name])
        }
        guard let manifest = files.read("package.json"),
              let object = try? JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any] else { return nil }
        let dependencies = ["dependencies", "devDependencies"].compactMap { object[$0] as? [String: Any] }
        let testScript = (object["scripts"] as? [String: Any])?["test"] as? String ?? ""
        if object["jest"] != nil || dependencies.contains(where: { $0["jest"] != nil }) || testScript.contains("jest") {
            return jest(evidence: ["package.json"])
        }
        if dependencies.contains(where: { $0["vitest"] != nil }) || testScript.contains("vitest") {
            return vitest(evidence: ["package.json"])
        }
        if dependencies.contains(where: { $0["mocha"] != nil || $0["ava"] != nil || $0["tap"] != nil }) { return nil }
        return nodeTest(testScript: testScript)
    }

    /// `node --test` with its JUnit reporter (and spec output for the log). Its JUnit has no file
    /// and nests `describe`s, so ids are the describe path and the name (`outer > adds`), and
    /// one test reruns by `--test-name-pattern`, a regular expression matched against the
    /// test's own name: `{name_re}`.
    static func nodeTest(testScript: String) -> Guess {
        // The paths `npm test` passes to `node --test`, if it does.
        var paths = ""
        if let range = testScript.range(of: "node --test") {
            let rest = testScript[range.upperBound...].prefix { $0 != "&" && $0 != ";" && $0 != "|" }
            paths = rest.split(separator: " ").filter { !$0.hasPrefix("-") }.map { " " + $0 }.joined()
        }
        let reporters = "--test-reporter=junit --test-reporter-destination={results} --test-reporter=spec --test-reporter-destination=stdout"
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "node --test \(reporters)\(paths)", format: .junit,
                                        test: "node --test --test-name-pattern={name_re} \(reporters)\(paths)")
        let coverage = "node --test --experimental-test-coverage --test-reporter=lcov --test-reporter-destination={coverage}"
        config.coverage = HealConfig.Coverage(command: coverage + paths, format: .lcov, perTest: false,
                                              test: coverage.replacingOccurrences(of: "--test ", with: "--test --test-name-pattern={name_re} ") + paths)
        config.scope.tests = ["test/**", "tests/**", "**/*.test.*", "**/*-test.*", "**/*_test.*", "**/test-*.*", "**/__tests__/**"]
        return Guess(runner: "node --test", evidence: ["package.json"], config: config)
    }

    /// jest with jest-junit (a dev dependency it needs): names are `describe… title`, which is
    /// what `-t` matches; `--runTestsByPath` takes the file literally.
    static func jest(evidence: [String]) -> Guess {
        var config = HealConfig()
        let reporter = "JEST_JUNIT_OUTPUT_FILE={results} JEST_JUNIT_ADD_FILE_ATTRIBUTE=true npx jest --ci "
            + "--reporters=default --reporters=jest-junit"
        config.suite = HealConfig.Suite(command: reporter, format: .junit,
                                        test: reporter + " --runTestsByPath {file} -t {name_re}")
        config.coverage = HealConfig.Coverage(
            format: .lcov, perTest: false,
            test: reporter + " --runTestsByPath {file} -t {name_re} --coverage --coverageReporters=lcov --coverageDirectory={coverage}.d ; cp {coverage}.d/lcov.info {coverage}")
        config.scope.tests = ["**/__tests__/**", "**/*.test.*", "**/*.spec.*", "test/**", "tests/**"]
        return Guess(runner: "jest", evidence: evidence, config: config,
                     notes: ["jest writes JUnit through the jest-junit reporter: add it as a dev dependency."])
    }

    /// vitest's built-in JUnit reporter: classname is the file, name the describe path and title
    /// joined with ` > `; a rerun runs the test's file, and heal reads the test from it.
    static func vitest(evidence: [String]) -> Guess {
        var config = HealConfig()
        config.suite = HealConfig.Suite(command: "npx vitest run --reporter=junit --outputFile={results}", format: .junit,
                                        test: "npx vitest run {classname} --reporter=junit --outputFile={results}")
        config.scope.tests = ["**/__tests__/**", "**/*.test.*", "**/*.spec.*", "test/**", "tests/**"]
        return Guess(runner: "vitest", evidence: evidence, config: config)
    }
}
