import Foundation

/// One attribute value of the element being read, copied out of the parser's buffer (valid only
/// during its callback) into storage reused from case to case, so a case costs no allocation
/// until it is kept.
struct AttributeBytes {
    private(set) var bytes: [UInt8] = []
    /// Whether the element had the attribute at all (`name=""` is present and empty).
    private(set) var isPresent = false

    var isEmpty: Bool { bytes.isEmpty }

    mutating func clear() {
        guard isPresent else { return }
        bytes.removeAll(keepingCapacity: true)
        isPresent = false
    }

    /// Takes a value as libxml2's SAX2 parser gives it. Without entity substitution (which heal
    /// keeps off: it would expand a hostile document's entities) libxml2 hands `&` back as the
    /// character reference `&#38;`, and every other reference already decoded; so `&#38;` is
    /// the only sequence to undo, and undoing it is exact.
    mutating func set(_ value: UnsafeRawBufferPointer) {
        if !bytes.isEmpty { bytes.removeAll(keepingCapacity: true) }
        isPresent = true
        guard let base = value.baseAddress, memchr(base, 0x26, value.count) != nil else {
            bytes.append(contentsOf: value)
            return
        }
        let reference = Array("&#38;".utf8)
        var index = 0
        while index < value.count {
            if value[index] == 0x26, index + reference.count <= value.count,
               value[index..<index + reference.count].elementsEqual(reference) {
                bytes.append(0x26)
                index += reference.count
            } else {
                bytes.append(value[index])
                index += 1
            }
        }
    }

    /// The value as a String; nil when absent.
    var string: String? { isPresent ? String(decoding: bytes, as: UTF8.self) : nil }

    func equals(_ other: AttributeBytes) -> Bool {
        guard isPresent == other.isPresent, bytes.count == other.bytes.count else { return false }
        return bytes.withUnsafeBytes { mine in
            other.bytes.withUnsafeBytes { theirs in mine.isEmpty || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0 }
        }
    }

    func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return suffix.withUTF8Buffer { bytes[(bytes.count - count)...].elementsEqual($0) }
    }

    func equals(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { bytes.elementsEqual($0) }
    }

    /// The value as a decimal integer, as `Int(String)` reads it; nil when absent or not one.
    var integer: Int? {
        guard isPresent, !bytes.isEmpty else { return nil }
        var value = 0
        var negative = false
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// The value as seconds, thousands separators (Surefire's `1,234.5`) ignored; nil when
    /// absent or not a number.
    var seconds: Double? {
        guard isPresent else { return nil }
        return plainDecimal ?? parsedDecimal
    }

    /// `digits[.digits]` with at most 15 digits, the form nearly every report writes: both
    /// parts are exact doubles, so one division rounds exactly as strtod does.
    private var plainDecimal: Double? {
        var mantissa = 0, digits = 0, fractionDigits = 0, seenPoint = false
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if byte != UInt8(ascii: ",") || seenPoint {
                return nil
            }
            if digits > 15 { return nil }
        }
        guard digits > 0 else { return nil }
        return Double(mantissa) / Self.powersOfTen[fractionDigits]
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private var parsedDecimal: Double? {
        // A time is a short ASCII number; anything longer is not one.
        guard bytes.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 65) { buffer in
            var count = 0
            for byte in bytes where byte != UInt8(ascii: ",") {
                buffer[count] = CChar(bitPattern: byte)
                count += 1
            }
            buffer[count] = 0
            // strtod takes leading blanks that Double(String) refuses.
            guard count > 0, let first = buffer.first, first != 0x20, first != 0x09, first != 0x0A, first != 0x0D else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + count else { return nil }
            return value
        }
    }
}
