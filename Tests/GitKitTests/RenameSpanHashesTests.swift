import GitKit
import Testing

/// The similarity estimate git 2.39 computes (`diffcore-delta.c`), checked on cases whose
/// scores `git diff -M` was seen to print.
struct RenameSpanHashesTests {
    private func copied(_ old: String, _ new: String) -> Int {
        SpanHashes.copiedBytes(from: SpanHashes(Array(old.utf8), isText: true), to: SpanHashes(Array(new.utf8), isText: true))
    }

    @Test func identicalLinesAreCopied() {
        #expect(copied("a\nb\nc\n", "a\nb\nc\n") == 6)
        #expect(copied("a\nb\nc\n", "c\nb\na\n") == 6)
        #expect(copied("a\nb\n", "x\ny\n") == 0)
    }

    @Test func repeatedLinesCountOnlyAsOftenAsTheSourceHasThem() {
        #expect(copied("a\n", "a\na\na\n") == 2)
        #expect(copied("a\na\na\n", "a\n") == 2)
    }

    @Test func longLinesAreCutEvery64Bytes() {
        let long = String(repeating: "x", count: 64) + String(repeating: "y", count: 10) + "\n"
        let changedTail = String(repeating: "x", count: 64) + String(repeating: "z", count: 10) + "\n"
        #expect(copied(long, changedTail) == 64)
    }

    @Test func carriageReturnsBeforeNewlinesAreIgnoredInText() {
        #expect(copied("a\r\nb\r\n", "a\nb\n") == 4)
        let binary = SpanHashes(Array("a\r\nb\r\n".utf8), isText: false)
        #expect(SpanHashes.copiedBytes(from: binary, to: SpanHashes(Array("a\nb\n".utf8), isText: true)) == 0)
    }

    /// git 2.39 prints R055 for this pair: the unterminated last chunk is not counted
    /// (101 of 182 bytes); counting it would give R071.
    @Test func anUnterminatedLastLineIsNotCounted() {
        let old = String(repeating: "A", count: 50) + "\n" + String(repeating: "c", count: 100) + "\n" + String(repeating: "d", count: 30)
        let new = String(repeating: "B", count: 50) + "\n" + String(repeating: "c", count: 100) + "\n" + String(repeating: "d", count: 30)
        #expect(copied(old, new) == 101)
        #expect(copied(old, new) * RenameDetector.maxScore / 182 * 100 / RenameDetector.maxScore == 55)
    }
}
