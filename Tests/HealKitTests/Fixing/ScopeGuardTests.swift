import GitKit
import HealKit
import Testing

/// Every scope rule, and each way an agent might try to get around it.
@Suite struct ScopeGuardTests {
    typealias File = ProposedChange.File
    typealias Line = ProposedChange.Line

    let rules = ScopeRules(coverageArea: ["src/calc.py", "src/items.py"], allow: [Glob("docs/**")],
                           protectedFiles: ["tests/test_calc.py"])

    func modified(_ path: String, added: [String] = ["x = 1"], removed: [String] = []) -> File {
        File(status: .modified, oldPath: path, newPath: path,
             addedLines: added.enumerated().map { Line(number: $0.offset + 10, text: $0.element) },
             removedLines: removed.enumerated().map { Line(number: $0.offset + 10, text: $0.element) })
    }

    func check(_ files: File...) -> [ScopeViolation] {
        ScopeGuard.check(ProposedChange(files: files), rules: rules)
    }

    @Test func aSmallFixInsideTheCoverageAreaPasses() {
        #expect(check(modified("src/calc.py", added: ["    return sum(i.price for i in items if i.price >= 0)"],
                               removed: ["    return sum(i.price for i in items if i.price > 0)"]),
                      modified("docs/changelog.md")).isEmpty)
    }

    @Test func anEmptyChangePasses() {
        #expect(check().isEmpty)
    }

    @Test func editingTheFailingTestIsStoppedEvenInsideTheCoverageArea() {
        let rules = ScopeRules(coverageArea: ["pkg/calc.py", "pkg/test_calc.py"], protectedFiles: ["pkg/test_calc.py"])
        let violations = ScopeGuard.check(ProposedChange(files: [modified("pkg/test_calc.py")]), rules: rules)
        #expect(violations.map(\.rule) == [.testTouched])
        #expect(violations.first?.path == "pkg/test_calc.py")
    }

    @Test func editingAnyTestUnderTheTestGlobsIsStopped() {
        let violations = check(modified("tests/test_other.py"))
        #expect(violations.map(\.rule) == [.testTouched])
        #expect(violations.first?.description.contains("`tests/**`") == true)
    }

    @Test func deletingTheTestIsStopped() {
        let deleted = File(status: .deleted, oldPath: "tests/test_calc.py", newPath: nil, newMode: .absent,
                           removedLines: [Line(number: 1, text: "def test_total(): ...")])
        #expect(check(deleted).map(\.rule) == [.testTouched])
    }

    @Test func renamingATestAwayIsStoppedOnEitherSide() {
        let away = File(status: .renamed, oldPath: "tests/test_x.py", newPath: "src/calc.py")
        #expect(check(away).map(\.rule) == [.testTouched])
        #expect(check(away).first?.path == "tests/test_x.py")
        let into = File(status: .renamed, oldPath: "src/calc.py", newPath: "tests/calc.py")
        #expect(check(into).map(\.rule) == [.testTouched])
        #expect(check(into).first?.path == "tests/calc.py")
    }

    @Test(arguments: [
        ("src/calc.py", "@pytest.mark.skip(reason='flaky')"),
        ("src/calc.py", "@pytest.mark.skipif(sys.platform == 'linux', reason='')"),
        ("src/calc.py", "@pytest.mark.xfail"),
        ("conftest.py", "        item.add_marker(pytest.mark.skip)"),
        ("src/calc.py", "    pytest.skip('later')"),
        ("src/calc.py", "@unittest.skip('later')"),
        ("src/calc.py", "@unittest.skipIf(True, 'later')"),
        ("src/calc.py", "        self.skipTest('later')"),
        ("src/calc.py", "    raise SkipTest"),
        ("src/calc.py", "@unittest.expectedFailure"),
        ("pyproject.toml", "addopts = \"--deselect tests/test_calc.py::test_total\""),
        ("setup.cfg", "addopts = --ignore=tests/test_calc.py"),
        ("conftest.py", "collect_ignore = ['tests/test_calc.py']"),
        ("Sources/Calc/Calc.swift", "        try XCTSkipIf(true)"),
        ("Sources/Calc/Calc.swift", "        throw XCTSkip(\"later\")"),
        ("Sources/Calc/Calc.swift", "@Test(.disabled(\"later\")) func total() {}"),
        ("Sources/Calc/Calc.swift", "@Test(.enabled(if: false)) func total() {}"),
        ("calc.go", "\tt.Skip(\"later\")"),
        ("calc.go", "\tt.Skipf(\"later %d\", 1)"),
        ("calc.go", "\ts.T().Skip()"),
        ("calc.go", "\ttb.SkipNow()"),
        ("calc.go", "//go:build ignore"),
        ("src/calc.js", "it.skip('totals', () => {})"),
        ("src/calc.ts", "describe.skip('calc', () => {})"),
        ("src/calc.ts", "test.skip('totals', () => {})"),
        ("src/calc.ts", "it.todo('totals')"),
        ("src/calc.ts", "xit('totals', () => {})"),
        ("src/calc.ts", "describe.only('calc', () => {})"),
        ("src/calc.ts", "test.concurrent.skip('totals', async () => {})"),
        ("src/Calc.java", "    @Disabled(\"later\")"),
        ("src/Calc.java", "    @Ignore"),
        ("src/Calc.kt", "    @DisabledOnOs(OS.LINUX)"),
        ("src/Calc.java", "        assumeTrue(false);"),
        ("src/Calc.java", "    @Test(enabled = false)"),
        ("src/Calc.cs", "    [Fact(Skip = \"later\")]"),
        ("src/Calc.cs", "    [Ignore(\"later\")]"),
        ("lib/calc.rb", "    skip 'later'"),
        ("lib/calc.rb", "    pending"),
        ("lib/calc.rb", "  xit 'totals' do"),
        ("lib/calc.rb", "  it 'totals', skip: true do"),
        ("src/calc.rs", "#[ignore]"),
        ("src/Calc.php", "        $this->markTestSkipped('later');"),
        ("src/calc.cpp", "  GTEST_SKIP() << \"later\";"),
        ("src/calc.cpp", "TEST(Calc, DISABLED_Total) {"),
    ])
    func addingASkipMarkerAnywhereIsStopped(path: String, line: String) {
        let rules = ScopeRules(coverageArea: [path])
        let change = ProposedChange(files: [modified(path, added: ["ok = 1", line])])
        let violations = ScopeGuard.check(change, rules: rules)
        #expect(violations.map(\.rule) == [.skipMarker], "\(path): \(line)")
        #expect(violations.first?.line == 11)
    }

    @Test(arguments: [
        ("src/calc.py", "skip = total < 0"),
        ("src/calc.py", "def skip_empty(items):"),
        ("src/calc.py", "    return [i for i in items if not i.ignore]"),
        ("src/calc.py", "# we used to disable this; see #12"),
        ("src/calc.go", "\tscanner.Skip()"),
        ("src/calc.ts", "const items = list.filter(x => !x.skip)"),
        ("src/calc.ts", "button.disabled = true"),
        ("lib/calc.rb", "  skip_count = 0"),
        ("lib/calc.rb", "  pending_items = items.select(&:pending?)"),
        ("src/Calc.swift", "    var isDisabled = false"),
        ("src/Calc.java", "    boolean ignored = true;"),
    ])
    func ordinaryCodeIsNotMistakenForASkipMarker(path: String, line: String) {
        let violations = ScopeGuard.check(ProposedChange(files: [modified(path, added: [line])]),
                                          rules: ScopeRules(coverageArea: [path]))
        #expect(violations.isEmpty, "\(path): \(line) → \(violations)")
    }

    @Test func aRemovedSkipMarkerIsFine() {
        #expect(check(modified("src/calc.py", added: [], removed: ["@pytest.mark.skip"])).isEmpty)
    }

    @Test func writingOutsideTheCoverageAreaIsStopped() {
        let violations = check(modified("src/unrelated.py"),
                               File(status: .added, oldPath: nil, newPath: "src/new_helper.py", oldMode: .absent,
                                    addedLines: [Line(number: 1, text: "def helper(): pass")]))
        #expect(violations.map(\.rule) == [.outsideCoverage, .outsideCoverage])
        #expect(violations.map(\.path) == ["src/unrelated.py", "src/new_helper.py"])
    }

    @Test(arguments: [".github/workflows/ci.yml", ".gitlab-ci.yml", ".circleci/config.yml", "Jenkinsfile",
                      "deploy/Jenkinsfile", "azure-pipelines.yml", ".buildkite/pipeline.yml", ".ci/run",
                      ".travis.yml", ".heal.yml", ".heal/templates/pr-body.mustache", ".githooks/pre-push",
                      ".husky/pre-commit", ".pre-commit-config.yaml", ".gitmodules"])
    func touchingOffLimitsPathsIsStopped(path: String) {
        let rules = ScopeRules(coverageArea: [path], allow: [Glob("**")])
        let violations = ScopeGuard.check(ProposedChange(files: [modified(path)]), rules: rules)
        #expect(violations.map(\.rule) == [.offLimits], "\(path)")
    }

    @Test func configuredHooksDirectoryCanBeMadeOffLimits() {
        let rules = ScopeRules(coverageArea: ["tools/hooks/post-merge"],
                               offLimits: ScopeRules.defaultOffLimits + [Glob("tools/hooks/")])
        let violations = ScopeGuard.check(ProposedChange(files: [modified("tools/hooks/post-merge")]), rules: rules)
        #expect(violations.map(\.rule) == [.offLimits])
    }

    @Test func aSymlinkIsStopped() {
        let link = File(status: .added, oldPath: nil, newPath: "src/calc.py", oldMode: .absent, newMode: .symlink,
                        addedLines: [Line(number: 1, text: "../../etc/passwd")])
        #expect(check(link).map(\.rule) == [.symlink])
        let retyped = File(status: .typechange, oldPath: "src/calc.py", newPath: "src/calc.py",
                           oldMode: .regular, newMode: .symlink)
        #expect(check(retyped).map(\.rule) == [.symlink])
    }

    @Test(arguments: ["../outside.py", "src/../../outside.py", "/etc/passwd", "C:/Windows/x.py",
                      "src\\..\\..\\outside.py", ".git/hooks/post-merge", "src/.GIT/config"])
    func pathsLeavingTheRepositoryAreStopped(path: String) {
        let rules = ScopeRules(coverageArea: [path], allow: [Glob("**")], offLimits: [])
        let violations = ScopeGuard.check(ProposedChange(files: [modified(path)]), rules: rules)
        #expect(violations.map(\.rule) == [.pathEscape], "\(path)")
    }

    @Test func binaryFilesAndSubmodulesAreStopped() {
        let binary = File(status: .modified, oldPath: "src/calc.py", newPath: "src/calc.py", isBinary: true)
        #expect(check(binary).map(\.rule) == [.binaryFile])
        let submodule = File(status: .added, oldPath: nil, newPath: "src/calc.py", oldMode: .absent, newMode: .submodule)
        #expect(check(submodule).map(\.rule) == [.submodule])
    }

    @Test func aFiveThousandLineChangeIsStopped() {
        let huge = modified("src/calc.py", added: (1...5000).map { "x\($0) = \($0)" })
        let violations = check(huge)
        #expect(violations.map(\.rule) == [.tooManyLines])
        #expect(violations.first?.description == "(whole change): [too-many-lines] changes 5000 lines; at most 200 are allowed")
    }

    @Test func theLineLimitCountsRemovedLinesToo() {
        let rules = ScopeRules(coverageArea: ["src/calc.py"], maxChangedLines: 3)
        let change = ProposedChange(files: [modified("src/calc.py", added: ["a", "b"], removed: ["c", "d"])])
        #expect(ScopeGuard.check(change, rules: rules).map(\.rule) == [.tooManyLines])
    }

    @Test func tooManyFilesIsStopped() {
        let rules = ScopeRules(coverageArea: [], allow: [Glob("src/**")])
        let change = ProposedChange(files: (1...11).map { modified("src/m\($0).py") })
        #expect(ScopeGuard.check(change, rules: rules).map(\.rule) == [.tooManyFiles])
    }

    @Test func aViolationReadsWellInAReport() {
        let violation = check(modified("src/calc.py", added: ["ok = 1", "@pytest.mark.skip"])).first
        #expect(violation?.description
            == "src/calc.py:11: [skip-marker] adds a pytest skip/xfail mark: `@pytest.mark.skip`; tests may not be skipped or disabled")
    }

    @Test func everyViolationOfOneChangeIsReported() {
        let violations = check(modified("tests/test_calc.py", added: ["@pytest.mark.skip"]),
                               modified(".github/workflows/ci.yml"),
                               modified("src/other.py"))
        #expect(violations.map(\.rule) == [.testTouched, .skipMarker, .offLimits, .outsideCoverage])
    }

    @Test func anAcceptedFileSaysWhyItIsInScope() {
        #expect(ScopeGuard.reason(inScope: modified("src/calc.py"), rules: rules) == "in the failing test's coverage area")
        #expect(ScopeGuard.reason(inScope: modified("docs/a.md"), rules: rules) == "matches `scope.allow` glob `docs/**`")
        let file = PRBodyInput.ChangedFile(modified("src/calc.py", added: ["a", "b"], removed: ["c"]), rules: rules)
        #expect(file == .init(path: "src/calc.py", added: 2, removed: 1, reason: "in the failing test's coverage area"))
    }
}
