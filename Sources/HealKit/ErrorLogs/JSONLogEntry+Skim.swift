import Foundation

extension JSONLogEntry {
    /// What a skim of a JSON line (no objects built) can tell.
    enum Skim: Equatable {
        /// A valid JSON object that `read` would find no error in, and its timestamp.
        case noError(timestamp: Double?)
        /// The line may be an error, or is no valid object, or holds escapes: `read` it.
        case needsParse
    }

    /// Top-level keys whose presence alone sends a line to the full parse: trace fields,
    /// nested error objects, Docker's `log` wrapper and ECS's `log.level`.
    static let parseKeys: [String] = ["exc_info", "exc_text", "exception", "stack_trace", "stacktrace", "stack",
                                      "traceback", "@x", "log"]
    private static let topLevelLevelKeys = levelKeys.filter { !$0.contains(".") }
    private static let skimKeys = Set((timestampKeys + topLevelLevelKeys + parseKeys + ["error", "err"]).map { Array($0.utf8)[...] })

    /// Decides a JSON line without parsing it into objects when it certainly records no error
    /// (the bulk of a log), with exactly the answer `read` would give; otherwise `.needsParse`.
    static func skim(_ bytes: ArraySlice<UInt8>) -> Skim {
        // Foundation rejects invalid UTF-8; the skim must not accept a line the parse would count as bad.
        guard String(validating: bytes, as: UTF8.self) != nil,
              let members = JSONSkim.members(of: bytes, keys: skimKeys) else { return .needsParse }
        func member(_ key: String) -> ArraySlice<UInt8>? { members[Array(key.utf8)[...]] }
        if parseKeys.contains(where: { member($0) != nil }) { return .needsParse }
        for key in ["error", "err"] where member(key)?.first == UInt8(ascii: "{") { return .needsParse }
        if let level = topLevelLevelKeys.lazy.compactMap(member).first(where: { !$0.elementsEqual("null".utf8) }) {
            switch level.first ?? 0 {
            case UInt8(ascii: "\""):
                guard let text = plainString(level) else { return .needsParse }
                if errorLevels.contains(text.lowercased()) { return .needsParse }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let number = Double(String(decoding: level, as: UTF8.self)) else { return .needsParse }
                if number >= 50 && number <= 60 { return .needsParse }
            default:
                break
            }
        }
        var timestamp: Double?
        for key in timestampKeys {
            guard let raw = member(key) else { continue }
            let parsed: Double?
            switch raw.first ?? 0 {
            case UInt8(ascii: "\""):
                guard let text = plainString(raw) else { return .needsParse }
                parsed = LogTimestamp.value(text)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                parsed = Double(String(decoding: raw, as: UTF8.self)).flatMap { LogTimestamp.value(NSNumber(value: $0)) }
            default:
                parsed = nil
            }
            if let parsed {
                timestamp = parsed
                break
            }
        }
        return .noError(timestamp: timestamp)
    }

    /// A JSON string literal's content when it has no escapes (else nil: let the parser decode it).
    private static func plainString(_ literal: ArraySlice<UInt8>) -> String? {
        let content = literal.dropFirst().dropLast()
        guard !content.contains(UInt8(ascii: "\\")) else { return nil }
        return String(decoding: content, as: UTF8.self)
    }
}
