import CLibGit2

/// A git object id (SHA-1), as 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The full hex form.
    public let hex: String

    /// Accepts a full 40-digit hex id; returns nil for anything else.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.count == 40, lower.allSatisfy({ $0.isHexDigit }) else { return nil }
        self.hex = lower
    }

    init(_ oid: git_oid) {
        var copy = oid
        self.hex = String(cString: git_oid_tostr_s(&copy))
    }

    /// Whether this is the all-zero id git uses for "no object".
    public var isZero: Bool { hex.allSatisfy { $0 == "0" } }

    /// The first `length` hex digits, for display.
    public func short(_ length: Int = 7) -> String { String(hex.prefix(length)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    var oid: git_oid {
        var result = git_oid()
        _ = hex.withCString { git_oid_fromstr(&result, $0) }
        return result
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an object id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
