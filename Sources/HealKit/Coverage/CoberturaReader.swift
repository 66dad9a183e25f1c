import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads Cobertura XML (`coverage > sources > source`, `… class[filename] > lines > line[number,
/// hits]`) with a streaming parser, so large reports don't sit in memory. Filenames are relative
/// to one of the `<source>` directories; the first that leads to a repository file wins.
enum CoberturaReader {
    static func read(path: String, file: String, paths: PathNormalizer) throws -> CoverageMap {
        guard let stream = InputStream(fileAtPath: path) else {
            throw CoverageFileError(file: file, problem: "cannot open the file", fix: "Check the path and its permissions")
        }
        let parser = XMLParser(stream: stream)
        let collector = Collector(file: file)
        parser.delegate = collector
        let finished = parser.parse()
        if let error = collector.error { throw error }
        guard finished else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw CoverageFileError(file: file, line: parser.lineNumber, column: parser.columnNumber,
                                    problem: "expected well-formed Cobertura XML (\(reason))",
                                    fix: "Regenerate the report; it may be truncated")
        }
        // libxml2's push parser can report success on a file cut off mid-document.
        if let open = collector.openElements.last {
            throw CoverageFileError(file: file, line: parser.lineNumber, column: parser.columnNumber,
                                    problem: "the XML ends before `<\(open)>` is closed",
                                    fix: "Regenerate the report; it is truncated")
        }
        guard collector.sawRoot else {
            throw CoverageFileError(file: file, problem: "expected a Cobertura `<coverage>` root element, found no element",
                                    fix: "Pass a Cobertura XML report (coverage xml, gcovr --cobertura)")
        }
        var lines: CoveredLines = [:]
        for (raw, covered) in collector.lines {
            guard let normalized = paths.normalize(raw, bases: collector.sources) else { continue }
            lines[normalized, default: []].formUnion(covered)
        }
        return CoverageMap(isPerTest: false, outsideTests: lines)
    }

    /// The parser's delegate: collects sources and covered lines per raw filename.
    private final class Collector: NSObject, XMLParserDelegate {
        let file: String
        var sources: [String] = []
        var lines: [String: Set<Int>] = [:]
        var sawRoot = false
        var error: CoverageFileError?
        var openElements: [String] = []
        private var currentClass: String?
        private var sourceText: String?

        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            openElements.append(name)
            if !sawRoot {
                sawRoot = true
                guard name == "coverage" else {
                    fail(parser, "expected a Cobertura `<coverage>` root element, found `<\(name)>`",
                         "Pass a Cobertura XML report, or name the right format with --format")
                    return
                }
            }
            switch name {
            case "source":
                sourceText = ""
            case "class":
                currentClass = attributes["filename"]
                if let currentClass, lines[currentClass] == nil { lines[currentClass] = [] }
            case "line":
                guard let currentClass else { return }
                guard let number = attributes["number"].flatMap({ Int($0) }),
                      let hits = attributes["hits"].flatMap({ parseCount($0[...]) }) else {
                    fail(parser, "expected `<line number=\"N\" hits=\"N\">` with integer attributes",
                         "Regenerate the report; this element is malformed")
                    return
                }
                if hits > 0 && number > 0 { lines[currentClass, default: []].insert(number) }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            sourceText? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = openElements.popLast()
            switch name {
            case "source":
                if let text = sourceText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                    sources.append(text)
                }
                sourceText = nil
            case "class":
                currentClass = nil
            default:
                break
            }
        }

        private func fail(_ parser: XMLParser, _ problem: String, _ fix: String) {
            guard error == nil else { return }
            error = CoverageFileError(file: file, line: parser.lineNumber, column: parser.columnNumber,
                                      problem: problem, fix: fix)
            parser.abortParsing()
        }
    }
}
