import CLibXML2
import Foundation

/// Drives libxml2's SAX2 push parser over a file read in chunks (never whole in memory).
///
/// heal talks to libxml2 directly rather than through FoundationXML's `XMLParser(stream:)`
/// (libxml2 underneath too): on a 47 MB, 200,000-case report, `XMLParser(stream:)` with a
/// delegate that did nothing took 1.8× `xmllint --stream` (0.24 s against 0.13 s), the cost
/// being Foundation's String and Dictionary per element and attribute, retain/release and
/// hashing; heal's goal is 1.2× for reading *and* detecting. Here names are compared as bytes
/// and a String is built only for what a case keeps. The C types stay in this file.
extension JUnitReader {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Reads `path` into `builder`; throws `ReportReadError` when the file is not well-formed
    /// JUnit XML.
    static func read(path: String, into builder: inout ReportBuilder, nodeIDs: PytestNodeID,
                     repositoryRoot: String?) throws {
        _ = initialized
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        defer { close(descriptor) }
        // Moved, not copied: a copy left behind would make the first case added copy every
        // case read so far.
        var taken = ReportBuilder()
        swap(&taken, &builder)
        // The callbacks reach the session through a raw pointer: no reference counting and no
        // exclusivity checks per element, which cost more than parsing it.
        let session = UnsafeMutablePointer<ParseSession>.allocate(capacity: 1)
        session.initialize(to: ParseSession(reader: JUnitReader(path: path, builder: taken, nodeIDs: nodeIDs,
                                                                  repositoryRoot: repositoryRoot)))
        defer { session.deinitialize(count: 1); session.deallocate() }
        try ParseSession.run(session, descriptor: descriptor)
        builder = session.pointee.reader.builder
    }
}

/// One parse: the libxml2 context, the reader its callbacks feed, and the first error libxml2
/// reported.
private struct ParseSession {
    var reader: JUnitReader
    var context: xmlParserCtxtPtr?
    var error: (code: Int, line: Int, column: Int, message: String, atEnd: Bool)?
    /// Set while libxml2 takes the end of the input.
    var finishing = false
    /// libxml2 keeps element and attribute names in a dictionary for the whole parse, so a
    /// name's pointer identifies it; the few names of a report are classified once.
    private var elementNames: [(UnsafePointer<xmlChar>, JUnitElement)] = []
    private var attributeNames: [(UnsafePointer<xmlChar>, JUnitAttribute)] = []

    init(reader: JUnitReader) { self.reader = reader }

    private static let nameCacheLimit = 64
    private static let chunkSize = 64 * 1024
    private static let sampleSize = 4 << 20

    static func run(_ session: UnsafeMutablePointer<ParseSession>, descriptor: Int32) throws {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { session, localname, _, _, _, _, count, _, attributes in
            ParseSession.from(session).pointee.startElement(localname, count: Int(count), attributes: attributes)
        }
        handler.endElementNs = { session, localname, _, _ in
            ParseSession.from(session).pointee.endElement(localname)
        }
        handler.characters = { session, bytes, length in
            ParseSession.from(session).pointee.characters(bytes, length: length)
        }
        handler.cdataBlock = handler.characters
        handler.serror = { session, error in
            guard let session, let error else { return }
            ParseSession.from(session).pointee.record(error.pointee)
        }
        let path = session.pointee.reader.path
        guard let context = xmlCreatePushParserCtxt(&handler, session, nil, 0, path) else {
            throw ReportReadError(file: path, problem: "libxml2 could not start a parser", hint: "This is a bug in heal or libxml2; report it.")
        }
        session.pointee.context = context
        defer { xmlFreeParserCtxt(context) }
        // No network, no DTD loading; entities are not substituted (see `AttributeBytes.set`).
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        var status: Int32 = 0
        var information = stat()
        let fileSize = fstat(descriptor, &information) == 0 ? Int(information.st_size) : 0
        let casesBefore = session.pointee.reader.builder.store.count
        var bytesRead = 0, estimated = false
        while session.pointee.reader.failure == nil && session.pointee.error == nil {
            // A few MiB in, the cases so far tell how many the whole file holds.
            if !estimated && bytesRead >= Self.sampleSize {
                estimated = true
                let cases = session.pointee.reader.builder.store.count - casesBefore
                session.pointee.reader.reserve(cases: casesBefore + cases * (fileSize / bytesRead))
            }
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportReadError(file: path, problem: "cannot read the file: \(String(cString: strerror(errno)))",
                                      hint: "Check the file and its permissions.")
            }
            bytesRead += count
            session.pointee.finishing = count == 0
            status = xmlParseChunk(context, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count),
                                   count == 0 ? 1 : 0)
            if count == 0 || status != 0 { break }
        }
        try session.pointee.check(status: status)
    }

    private func check(status: Int32) throws {
        let path = reader.path
        if let failure = reader.failure { throw failure }
        if let error {
            // What libxml2 finds wrong only once told the input has ended is the input ending.
            if error.atEnd && reader.sawRoot && reader.depth > 0 {
                throw endsEarly(line: error.line, column: error.column)
            }
            throw ReportReadError(file: path, line: error.line, column: error.column,
                                  problem: "malformed XML: \(Self.explain(error.code, message: error.message))",
                                  hint: "Expected a complete JUnit XML report; a truncated file usually means the test run was killed before it finished writing.")
        }
        guard status == 0 else {
            throw ReportReadError(file: path, line: line, column: column, problem: "malformed XML: libxml2 error \(status)",
                                  hint: "Expected a complete JUnit XML report.")
        }
        if !reader.sawRoot {
            throw ReportReadError(file: path, line: line, column: column, problem: "no XML element found",
                                  hint: "Expected JUnit XML with a <testsuites> or <testsuite> root.")
        }
        // The push parser can end without complaint on a truncated document.
        if reader.depth != 0 { throw endsEarly(line: line, column: column) }
    }

    private func endsEarly(line: Int, column: Int) -> ReportReadError {
        ReportReadError(file: reader.path, line: line, column: column,
                        problem: "the XML ends early: \(reader.depth) element(s) are still open (truncated)",
                        hint: "The test run was probably killed before it finished writing the report; rerun it.")
    }

    private static func explain(_ code: Int, message: String) -> String {
        switch code {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
            return "an invalid character (bytes that are not UTF-8, or a control character)"
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue): return "no XML document"
        case Int(XML_ERR_DOCUMENT_END.rawValue): return "extra content after the end of the document"
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue): return "an end tag that does not match its start tag"
        default: return message.isEmpty ? "libxml2 error \(code)" : message
        }
    }

    private var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    private var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ParseSession> {
        pointer!.assumingMemoryBound(to: ParseSession.self)
    }

    mutating func record(_ error: xmlError) {
        guard self.error == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        self.error = (Int(error.code), Int(error.line), Int(error.int2), message, finishing)
    }

    mutating func startElement(_ localname: UnsafePointer<xmlChar>?, count: Int,
                               attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let localname else { return }
        reader.attributes.clear()
        if let attributes {
            // Five pointers per attribute: local name, prefix, URI, value start, value end.
            for index in 0..<count {
                guard let name = attributes[5 * index], let start = attributes[5 * index + 3],
                      let end = attributes[5 * index + 4] else { continue }
                let kind = attributeKind(name)
                if kind != .other {
                    reader.attributes.set(kind, to: UnsafeRawBufferPointer(start: start, count: end - start))
                }
            }
        }
        let kind = elementKind(localname)
        reader.start(kind, rawName: localname, line: line, column: column)
        if reader.failure != nil, let context { xmlStopParser(context) }
    }

    mutating func endElement(_ localname: UnsafePointer<xmlChar>?) {
        guard let localname else { return }
        reader.end(elementKind(localname))
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, length: Int32) {
        guard reader.collecting, let bytes else { return }
        reader.text(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
    }

    private mutating func elementKind(_ name: UnsafePointer<xmlChar>) -> JUnitElement {
        for (known, kind) in elementNames where known == name { return kind }
        let kind = JUnitElement(name: UnsafeRawBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
        if elementNames.count < Self.nameCacheLimit { elementNames.append((name, kind)) }
        return kind
    }

    private mutating func attributeKind(_ name: UnsafePointer<xmlChar>) -> JUnitAttribute {
        for (known, kind) in attributeNames where known == name { return kind }
        let kind = JUnitAttribute(name: UnsafeRawBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
        if attributeNames.count < Self.nameCacheLimit { attributeNames.append((name, kind)) }
        return kind
    }
}
