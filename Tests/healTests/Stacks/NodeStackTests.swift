import Foundation
import Testing
import TestSupport

/// `heal init` + `heal run` on a real `node --test` project: JUnit reporter, describe paths in
/// ids (two tests share a name), `--test-name-pattern` escaping.
@Suite("stack: node --test", .serialized)
struct NodeStackTests {
    static let files = [
        "package.json": #"{"name": "shop", "type": "module", "scripts": {"test": "node --test"}}"# + "\n",
        "src/price.js": """
            // Adds tax to a net price.
            export function total(net, rate) {
              return net + net * rate;
            }

            // Takes a share off.
            export function discount(net, share) {
              return net - net * share;
            }

            """,
        "test/price.test.js": """
            import { describe, it } from 'node:test';
            import assert from 'node:assert/strict';
            import { total, discount } from '../src/price.js';

            describe('total', () => {
              it('works (0.5+tax)', () => { assert.equal(total(10, 0.5), 15); });
              it('no tax', () => { assert.equal(total(10, 0), 10); });
            });

            describe('discount', () => {
              it('works (0.5+tax)', () => { assert.equal(discount(10, 0.5), 5); });
            });

            """,
        ".gitignore": "node_modules/\n",
    ]

    @Test func findsTheCulpritOfANestedTestWithPatternCharactersAndStagesTheRevert() throws {
        let project = try StackProject(files: Self.files, runner: "node --test")
        let culprit = try project.deploy(
            cause: .init(file: "src/price.js", old: "return net + net * rate;", new: "return net + rate;"),
            harmless: .init(file: "src/price.js", old: "// Takes a share off.", new: "// Takes a share off the net price."))
        let json = try project.expectStagedFix(test: "total > works (0.5+tax)", culprit: culprit,
                                               file: "src/price.js", fixed: "return net + net * rate;",
                                               coverage: "the test's own coverage (coverage.test)")
        let regressions = json["regressions"] as? [[String: Any]] ?? []
        #expect(regressions.map { $0["test"] as? String } == ["total > works (0.5+tax)"], "the same name under discount still passes")
    }

    @Test func aDeployThatBreaksLoadingIsABuildFailureWithItsCulprit() throws {
        let project = try StackProject(files: Self.files, runner: "node --test")
        let culprit = try project.deploy(
            cause: .init(file: "src/price.js", old: "return net + net * rate;", new: "return net + net * rate +;"),
            harmless: .init(file: "src/price.js", old: "// Takes a share off.", new: "// Takes a share off the net price."))
        let json = try project.expectStagedFix(test: "test/price.test.js", culprit: culprit, file: "src/price.js",
                                               fixed: "return net + net * rate;")
        #expect((json["regressions"] as? [[String: Any]])?.first?["kind"] as? String == "build-failure")
    }
}
