import Foundation
import HealKit
import Testing

@Suite("Coverage errors")
struct CoverageErrorTests {
    /// Loads `contents` written to a temporary file and returns the error it raises.
    static func error(loading contents: String, as format: CoverageFormat = .auto,
                      name: String = "report") throws -> CoverageFileError {
        let root = try CoverageFixtures.root(["src/x.py": ""])
        let path = root + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try CoverageLoader(repositoryRoot: root).load(path: path, format: format)
        } catch let error as CoverageFileError {
            #expect(error.file == path)
            #expect((error as any Error) is any UserInputError)
            return error
        }
        Issue.record("loading \(name) should have failed")
        return CoverageFileError(file: path, problem: "", fix: "")
    }

    @Test("a malformed DA line is reported with its line and what was expected")
    func badLCOVLine() throws {
        let error = try Self.error(loading: "TN:\nSF:src/x.py\nDA:1,1\nDA:two,1\nend_of_record\n")
        #expect(error.line == 4)
        #expect(error.problem.contains("expected `DA:<line>,<count>`"))
        #expect(error.description.hasPrefix(error.file + ":4:"))
    }

    @Test("a DA line before any SF is an error")
    func lcovWithoutSource() throws {
        let error = try Self.error(loading: "DA:1,1\n", as: .lcov)
        #expect(error.line == 1)
        #expect(error.problem.contains("before any `SF:"))
    }

    @Test("text that is no coverage format is refused with the formats heal reads")
    func unrecognised() throws {
        let error = try Self.error(loading: "hello world\n")
        #expect(error.line == 1)
        #expect(error.problem.contains("not a coverage format"))
        #expect(error.fix.contains("llvm-json"))
    }

    @Test("an empty report says so")
    func empty() throws {
        let error = try Self.error(loading: "\n  \n")
        #expect(error.problem.contains("empty"))
    }

    @Test("truncated Cobertura XML gives the parser's line and column")
    func truncatedXML() throws {
        let error = try Self.error(loading: "<?xml version=\"1.0\"?>\n<coverage>\n<packages><package>\n<classes><class filename=\"src/x.py\">\n<lines><line number=\"1\" hits=\"1\"/>\n")
        #expect(error.line != nil)
        #expect(error.problem.contains("well-formed") || error.problem.contains("ends before `<lines>` is closed"))
    }

    @Test("XML that isn't Cobertura is refused at its root element")
    func wrongXML() throws {
        let error = try Self.error(loading: "<testsuites><testsuite name=\"a\"/></testsuites>\n")
        #expect(error.line == 1)
        #expect(error.problem.contains("`<coverage>` root element, found `<testsuites>`"))
    }

    @Test("a Cobertura line without numbers is refused where it is")
    func badCoberturaLine() throws {
        let error = try Self.error(loading: "<coverage>\n<packages><package><classes><class filename=\"src/x.py\"><lines>\n<line number=\"x\" hits=\"1\"/>\n</lines></class></classes></package></packages></coverage>\n")
        #expect(error.line == 3)
    }

    @Test("truncated JSON is reported as invalid JSON")
    func truncatedJSON() throws {
        let error = try Self.error(loading: "{\"meta\": {\"format\": 3}, \"files\": {\"src/x.py\": {\"executed_lines\": [1, 2")
        #expect(error.problem.contains("expected valid JSON"))
    }

    @Test("JSON of the wrong shape names the missing field")
    func wrongJSONShape() throws {
        let error = try Self.error(loading: "{\"data\": [{\"files\": [{\"filename\": \"src/x.py\"}]}]}")
        #expect(error.problem.contains("`segments` is missing"))
    }

    @Test("a coverprofile line in the wrong shape is reported with its line")
    func badGoLine() throws {
        let error = try Self.error(loading: "mode: set\nx.go:1.1,2.2 1 1\nx.go:3.1 1\n")
        #expect(error.line == 3)
        #expect(error.problem.contains("expected `file.go:line.col,line.col statements count`"))
    }

    @Test("a coverprofile without its mode line is refused")
    func goWithoutMode() throws {
        let error = try Self.error(loading: "x.go:1.1,2.2 1 1\n", as: .go)
        #expect(error.line == 1)
        #expect(error.problem.contains("mode: set|count|atomic"))
    }

    @Test("a missing report is named")
    func missingFile() throws {
        let root = try CoverageFixtures.root([:])
        #expect(throws: CoverageFileError.self) {
            _ = try CoverageLoader(repositoryRoot: root).load(path: root + "/nope.json")
        }
    }
}
