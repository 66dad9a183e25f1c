import Testing
@testable import HealKit

@Suite("Failure signatures of failing tests")
struct FailureSignatureTests {
    static let paths = FramePathMapper(repositoryFiles: ["src/calc.py", "tests/test_calc.py", "src/main/java/shop/Cart.java"])

    /// pytest's JUnit text of a KeyError raised in the source (long format).
    static func keyError(test: String, line: Int, key: String) -> (message: String, output: String) {
        ("KeyError: '\(key)'", """
            def \(test)():
            >       assert lookup("\(key)") == 1
                           ^^^^^^^^^^^

            tests/test_calc.py:\(line): 
            _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _

            key = '\(key)'

                def lookup(key):
            >       return TABLE[key]
            E       KeyError: '\(key)'

            src/calc.py:5: KeyError
            """)
    }

    @Test("pytest's long format: one frame per entry, the function from its snippet, innermost first")
    func pytestLongFormat() throws {
        let failure = Self.keyError(test: "test_b", line: 5, key: "b")
        let trace = try #require(PytestTraceParser.parse(failure.output))
        #expect(trace.frames == [StackFrame(file: "src/calc.py", function: "lookup", line: 5),
                                 StackFrame(file: "tests/test_calc.py", function: "test_b", line: 5)])
        #expect(trace.root?.type == "KeyError")
        #expect(trace.root?.message == "'b'")
    }

    @Test("pytest's middle entries name their function after `in`")
    func pytestInEntries() throws {
        let trace = try #require(PytestTraceParser.parse("""
            def test_box():
            >       Box().open(12)

            tests/test_calc.py:18: 
            _ _ _ _ _ _ _ _ _ _
            src/calc.py:14: in open
                return helper(n)
            _ _ _ _ _ _ _ _ _ _
                def helper(n):
            >       raise ValueError("bad")
            E       ValueError: bad

            src/calc.py:18: ValueError
            """))
        #expect(trace.frames.map(\.function) == ["helper", "open", "test_box"])
        #expect(PytestTraceParser.parse("expected 5, got 3") == nil)
    }

    @Test("two tests failing on one line of the source share a signature")
    func sameCause() {
        let one = Self.keyError(test: "test_b", line: 5, key: "b")
        let two = Self.keyError(test: "test_c", line: 9, key: "c")
        let first = FailureSignature.of(message: one.message, output: one.output, paths: Self.paths)
        let second = FailureSignature.of(message: two.message, output: two.output, paths: Self.paths)
        #expect(first == second)
        #expect(first.description == "KeyError at src/calc.py:lookup: <str>")
        #expect(first.repositoryFrames.map(\.description) == ["src/calc.py:lookup", "tests/test_calc.py:test_b"])
    }

    @Test("an assertion in the test itself: no frame outside the test, so the type and masked message are the signature")
    func assertionsInTheTest() {
        func assertion(_ message: String, in test: String, line: Int) -> FailureSignature {
            FailureSignature.of(message: message, output: "def \(test)():\n>   assert x\n\ntests/test_calc.py:\(line): AssertionError",
                                testFile: "tests/test_calc.py", paths: Self.paths)
        }
        let one = assertion("assert 'abc-001' == 'ABC-001'", in: "test_one", line: 9)
        let two = assertion("assert 'def-002' == 'DEF-002'", in: "test_two", line: 14)
        #expect(one.exceptionType == "AssertionError" && one.message == "assert <str> == <str>")
        #expect(one.frame == nil)
        #expect(one.repositoryFrames == [CodeLocation(path: "tests/test_calc.py", function: "test_one")])
        #expect(one == two)
        #expect(one != assertion("assert 3 == 5", in: "test_three", line: 20))
        let unknownFile = FailureSignature.of(message: "assert 3 == 5", output: "def test_a():\n\ntests/test_calc.py:3: AssertionError",
                                              paths: Self.paths)
        #expect(unknownFile.frame == CodeLocation(path: "tests/test_calc.py", function: "test_a"), "without the test's file, its frame counts")
    }

    @Test("other languages' traces: frames outside the repository are skipped, the type comes from the message")
    func otherTraces() {
        let python = FailureSignature.of(message: "ValueError: bad 3", output: """
            Traceback (most recent call last):
              File "/tmp/heal/work/triage-1/src/calc.py", line 3, in run
                json.loads(x)
              File "/usr/lib/python3.12/json/decoder.py", line 355, in raw_decode
            ValueError: bad 3
            """, paths: Self.paths)
        #expect(python.frame == CodeLocation(path: "src/calc.py", function: "run"))
        #expect(python.exceptionType == "ValueError" && python.message == "bad <n>")
        let jvm = FailureSignature.of(message: "java.lang.IllegalStateException: empty cart 3", output: """
            java.lang.IllegalStateException: empty cart 3
            \tat shop.Cart.total(Cart.java:31)
            \tat shop.CartTest.totals(CartTest.java:12)
            """, paths: Self.paths)
        #expect(jvm.exceptionType == "java.lang.IllegalStateException")
        #expect(jvm.frame?.path == "src/main/java/shop/Cart.java")
        let plain = FailureSignature.of(message: "Expected: 5", output: nil, paths: Self.paths)
        #expect(plain.exceptionType == nil && plain.frame == nil)
    }
}
