import Foundation
import Testing
import TestSupport

/// `heal init` + `heal run` on a plain `unittest` project: no pytest assumed, results read
/// from `python -m unittest -v`, ids unittest takes back.
@Suite("stack: unittest", .serialized)
struct UnittestStackTests {
    static let files = [
        "shop/__init__.py": "",
        "shop/price.py": """
            def total(net, rate):
                \"\"\"Adds tax to a net price.\"\"\"
                return net + net * rate


            def discount(net, share):
                \"\"\"Takes a share off.\"\"\"
                return net - net * share

            """,
        "tests/__init__.py": "",
        "tests/test_price.py": """
            import unittest

            from shop.price import discount, total


            class TotalTest(unittest.TestCase):
                def test_half_tax(self):
                    \"\"\"Half tax on ten.\"\"\"
                    self.assertEqual(total(10, 0.5), 15)

                def test_no_tax(self):
                    self.assertEqual(total(10, 0), 10)


            class DiscountTest(unittest.TestCase):
                def test_half(self):
                    self.assertEqual(discount(10, 0.5), 5)

            """,
        ".gitignore": "__pycache__/\n",
    ]

    @Test func findsTheCulpritAndStagesTheRevert() throws {
        let project = try StackProject(files: Self.files, runner: "unittest")
        let culprit = try project.deploy(
            cause: .init(file: "shop/price.py", old: "return net + net * rate", new: "return net + rate"),
            harmless: .init(file: "shop/price.py", old: "\"\"\"Takes a share off.\"\"\"", new: "\"\"\"Takes a share off the net price.\"\"\""))
        try project.expectStagedFix(test: "tests.test_price.TotalTest.test_half_tax", culprit: culprit,
                                    file: "shop/price.py", fixed: "return net + net * rate")
    }

    @Test func aDeployThatBreaksImportIsABuildFailureWithItsCulprit() throws {
        let project = try StackProject(files: Self.files, runner: "unittest")
        let culprit = try project.deploy(
            cause: .init(file: "shop/price.py", old: "return net + net * rate", new: "return net + net * rate +"),
            harmless: .init(file: "shop/price.py", old: "\"\"\"Takes a share off.\"\"\"", new: "\"\"\"Takes a share off the net price.\"\"\""))
        let json = try project.expectStagedFix(test: "tests.test_price", culprit: culprit, file: "shop/price.py",
                                               fixed: "return net + net * rate\n")
        #expect((json["regressions"] as? [[String: Any]])?.first?["kind"] as? String == "build-failure")
    }
}
