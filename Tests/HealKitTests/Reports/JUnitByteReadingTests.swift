import Foundation
import HealKit
import Testing

/// The JUnit reader works on libxml2's bytes: references decoded as XML says, every way a
/// document can stop early or go wrong named with its position, and nothing lost at chunk
/// boundaries.
@Suite struct JUnitByteReadingTests {
    private func write(_ text: String) throws -> (TempDirectory, String) {
        let directory = try TempDirectory()
        let path = directory.path + "/report.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    private func readError(_ text: String) throws -> ReportReadError? {
        let (directory, path) = try write(text)
        defer { _ = directory }
        do {
            _ = try ReportLoader().load(paths: [path])
            return nil
        } catch let error as ReportReadError {
            #expect(error.file == path)
            return error
        }
    }

    @Test func referencesInAttributesAndTextAreDecoded() throws {
        let (directory, path) = try write("""
            <testsuite name="s">
            <testcase classname="a&amp;b" name="t[&lt;x&gt;&amp;&#38;&#233;&quot;]" time="0.5"><failure message="m &amp; n">out &amp; &lt;here&gt;<![CDATA[ & raw <cdata>]]></failure></testcase>
            <testcase classname="a&amp;b" name="plain &amp;#38; literal"/>
            </testsuite>
            """)
        defer { _ = directory }
        let report = try ReportLoader().load(paths: [path])
        let failing = try #require(report.test("a&b/t[<x>&&é\"]"))
        #expect(failing.classname == "a&b")
        #expect(failing.message == "m & n")
        #expect(failing.output == "out & <here> & raw <cdata>")
        #expect(failing.duration == 0.5)
        // `&amp;#38;` is the text "&#38;", not an ampersand.
        #expect(report.test("a&b/plain &#38; literal")?.outcome == .passed)
    }

    @Test func timesAndLinesReadLikeTheirStringForms() throws {
        let (directory, path) = try write("""
            <testsuite name="s">
            <testcase classname="C" name="a" time="1,234.5" line="12"/>
            <testcase classname="C" name="b" time="0.000123456789012345" line="x"/>
            <testcase classname="C" name="c" time="1e-3"/>
            <testcase classname="C" name="d" time=" 1"/>
            <testcase classname="C" name="e" time=""/>
            </testsuite>
            """)
        defer { _ = directory }
        let report = try ReportLoader().load(paths: [path])
        #expect(report.test("C/a")?.duration == 1234.5)
        #expect(report.test("C/a")?.line == 12)
        #expect(report.test("C/b")?.duration == Double(String(Float32(0.000123456789012345))))
        #expect(report.test("C/b")?.line == nil)
        #expect(report.test("C/c")?.duration == 0.001)
        #expect(report.test("C/d")?.duration == nil)
        #expect(report.test("C/e")?.duration == nil)
    }

    @Test func propertiesInsideACaseDoNotRenameIt() throws {
        let (directory, path) = try write("""
            <testsuites><testsuite name="pytest">
            <testcase classname="tests.test_x" name="test_a"><properties><property name="k" value="v"/></properties></testcase>
            </testsuite></testsuites>
            """)
        defer { _ = directory }
        let report = try ReportLoader().load(paths: [path])
        #expect(report.tests.map(\.id) == ["tests.test_x::test_a"])
    }

    @Test(arguments: [
        ("<testsuite name=\"s\">\n<testcase classname=\"a\" name=\"b\" time=\"1", "ends early", 2),
        ("<testsuite name=\"s\">\n<testcase classname=\"a\" name=\"b\"><failure message=\"m\">text", "ends early", 2),
        ("<testsuite name=\"s\">\n<testcase classname=\"a\" name=\"b\"></testcase2>\n</testsuite>", "end tag that does not match", 2),
        ("<testsuite name=\"s\"/>\n<extra/>", "extra content", 2),
        ("<testsuite name=\"s\">\n<testcase name=\"a\" name=\"b\"/></testsuite>", "malformed XML", 2),
        ("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n", "malformed XML", 3),
    ])
    func malformedDocumentsAreErrorsWithTheirPosition(text: String, expected: String, line: Int) throws {
        let error = try #require(try readError(text))
        #expect(error.description.contains(expected), "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(error.column > 0, "\(error)")
    }

    @Test func entitiesOfADocumentTypeAreNeverExpandedNorLoaded() throws {
        let error = try #require(try readError("""
            <?xml version="1.0"?>
            <!DOCTYPE s [
             <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
             <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
             <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
             <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <testsuite name="s"><testcase classname="a" name="b"><failure message="&c;">&secret;</failure></testcase></testsuite>
            """))
        #expect(error.description.contains("Entity 'c' not defined"), "\(error)")
        #expect(error.line == 8)
    }

    @Test func casesAcrossChunkBoundariesAreAllRead() throws {
        // Far more than one 64 KiB chunk, with names and text split wherever the chunks fall.
        var text = "<testsuite name=\"s\">\n"
        for index in 0..<20_000 {
            text += index % 97 == 0
                ? "<testcase classname=\"pkg.Class\(index / 50)\" name=\"case_\(index)_é\"><failure message=\"boom \(index)\">line one\nline two é</failure></testcase>\n"
                : "<testcase classname=\"pkg.Class\(index / 50)\" name=\"case_\(index)_é\" time=\"0.\(index % 1000)\"/>\n"
        }
        text += "</testsuite>\n"
        let (directory, path) = try write(text)
        defer { _ = directory }
        let report = try ReportLoader().load(paths: [path])
        #expect(report.tests.count == 20_000)
        #expect(report.tests.filter { $0.outcome == .failed }.count == (0..<20_000).count { $0 % 97 == 0 })
        let failing = try #require(report.test("pkg.Class97/case_4850_é"))
        #expect(failing.message == "boom 4850")
        #expect(failing.output == "line one\nline two é")
        #expect(report.test("pkg.Class399/case_19999_é")?.duration == 0.999)
    }
}
