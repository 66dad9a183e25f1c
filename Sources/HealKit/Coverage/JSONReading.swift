import Foundation

/// Decoding a JSON report into a `CoverageFileError` that says where and what was expected.
enum JSONReading {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String, expected: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            let detail = (context.underlyingError as NSError?)?.debugDescription ?? context.debugDescription
            let position = Self.position(in: detail)
            throw CoverageFileError(file: file, line: position?.line, column: position?.column,
                                    problem: "expected valid JSON (\(context.debugDescription))",
                                    fix: "Regenerate the report; it may be truncated")
        } catch let error as DecodingError {
            throw CoverageFileError(file: file, problem: "expected \(expected); \(describe(error))",
                                    fix: "Pass the report the tool wrote, or name the right format with --format")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the top level"
                : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "`\(key.stringValue)` is missing at \(path(context.codingPath))"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is not a \(type)"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// The `line N, column M` Foundation's JSON parser puts in its messages.
    private static func position(in message: String) -> (line: Int, column: Int)? {
        guard let match = message.firstMatch(of: #/line (\d+), column (\d+)/#),
              let line = Int(match.output.1), let column = Int(match.output.2) else { return nil }
        return (line, column)
    }
}
