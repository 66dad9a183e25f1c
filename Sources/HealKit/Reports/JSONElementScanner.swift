import Foundation

/// Streams the elements of the big arrays of a JSON document without loading the document:
/// the elements of a top-level array, or of the arrays under chosen keys of a top-level object
/// (pytest-json-report's `tests` and `collectors`). Each element is handed over as its own
/// bytes, with its line and column, for `JSONSerialization`. Strings under other top-level keys
/// are reported too (small values such as `root`).
struct JSONElementScanner {
    /// Keys of a top-level object whose array elements to emit.
    let arrayKeys: Set<String>

    enum Event {
        /// An element of a top-level array (`key` nil) or of the array under `key`.
        case element(key: String?, bytes: [UInt8], line: Int, column: Int)
        /// A string value directly under a top-level key.
        case string(key: String, value: String)
    }

    /// Scans `path`, calling `handle` for each event; throws `ReportReadError` for a document
    /// that ends early or is not an object or array.
    func scan(path: String, _ handle: (Event) throws -> Void) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw ReportReadError(file: path, problem: "cannot open the file", hint: "Check the path and its permissions.")
        }
        defer { try? file.close() }
        var depth = 0, inString = false, escaped = false
        var line = 1, column = 0
        var rootIsArray: Bool?
        var token: [UInt8] = []
        var lastString: String?
        var key: String?
        var capturingKey: String?? = .none
        var element: [UInt8] = []
        var elementStart = (line: 0, column: 0)
        var elementDepth = 0
        while let chunk = try file.read(upToCount: 1 << 16), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A { line += 1; column = 0 } else { column += 1 }
                if capturingKey != nil { element.append(byte) }
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                    if depth == 1 && rootIsArray == false {
                        if inString || escaped { token.append(byte) } else {
                            lastString = String(bytes: token, encoding: .utf8).flatMap(Self.unescape)
                        }
                    }
                    continue
                }
                switch byte {
                case 0x22:
                    inString = true
                    token.removeAll(keepingCapacity: true)
                case 0x7B, 0x5B:
                    if depth == 0 {
                        rootIsArray = byte == 0x5B
                    } else if capturingKey == nil,
                              (rootIsArray == true && depth == 1) || (depth == 2 && key.map(arrayKeys.contains) == true) {
                        capturingKey = .some(rootIsArray == true ? nil : key)
                        element = [byte]
                        elementStart = (line, column)
                        elementDepth = depth
                    }
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth < 0 {
                        throw ReportReadError(file: path, line: line, column: column, problem: "unbalanced '\(Character(UnicodeScalar(byte)))'",
                                              hint: "The file is not valid JSON.")
                    }
                    if let captured = capturingKey, depth == elementDepth {
                        try handle(.element(key: captured, bytes: element, line: elementStart.line, column: elementStart.column))
                        capturingKey = .none
                        element.removeAll(keepingCapacity: true)
                    }
                case 0x3A where depth == 1:
                    key = lastString
                    lastString = nil
                case 0x2C where depth == 1:
                    if let key, let value = lastString { try handle(.string(key: key, value: value)) }
                    lastString = nil
                case 0x20, 0x0A, 0x0D, 0x09:
                    break
                default:
                    if depth == 0 {
                        throw ReportReadError(file: path, line: line, column: column,
                                              problem: "expected a JSON object or array, found '\(Character(UnicodeScalar(byte)))'",
                                              hint: "Check --format: this file is not the JSON report it was read as.")
                    }
                }
            }
        }
        if depth != 0 || inString || rootIsArray == nil {
            throw ReportReadError(file: path, line: line, column: column,
                                  problem: rootIsArray == nil ? "no JSON value in the file" : "the JSON ends early (truncated)",
                                  hint: "The test run was probably killed before it finished writing the report; rerun it.")
        }
    }

    private static func unescape(_ raw: String) -> String? {
        guard raw.contains("\\") else { return raw }
        let data = Data(("\"" + raw + "\"").utf8)
        return (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) as? String
    }

    /// Parses one emitted element into a dictionary, or explains why not.
    static func object(_ bytes: [UInt8]) -> Result<[String: Any], EntryError> {
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return .failure(EntryError(reason: "expected a JSON object"))
            }
            return .success(object)
        } catch {
            return .failure(EntryError(reason: "invalid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"))"))
        }
    }
}

/// Why one entry of a report could not be used (the reader skips it and counts it).
struct EntryError: Error {
    var reason: String
}
