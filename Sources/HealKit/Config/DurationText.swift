import Foundation

/// Lengths of time as `.heal.yml` and the command line write them: `90s`, `60m`, `24h`, `7d`,
/// or a bare number of seconds.
public enum DurationText {
    /// The duration, or nil for anything else (zero, negative, over about 30 years).
    public static func parse(_ text: String) -> Duration? {
        var text = text.trimmingCharacters(in: .whitespaces)
        var unit = 1.0
        if let last = text.last, let size = ["s": 1.0, "m": 60, "h": 3_600, "d": 86_400][String(last)] {
            unit = size
            text.removeLast()
        }
        guard let value = Double(text), value.isFinite, value > 0, value * unit <= 1e9 else { return nil }
        return .milliseconds(Int64((value * unit * 1000).rounded()))
    }

    /// `24h`, `60m`, `90s`: the largest unit that divides the length; seconds otherwise
    /// (rounded to milliseconds). `parse` reads it back.
    public static func format(_ seconds: Double) -> String {
        for (unit, size) in [("d", 86_400.0), ("h", 3_600.0), ("m", 60.0)]
        where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
            return "\(Int(seconds / size))\(unit)"
        }
        let rounded = (seconds * 1000).rounded() / 1000
        return (rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)") + "s"
    }

    /// For people: the two largest units (`1d`, `23h 59m`, `59m 24s`, `12.5s`).
    public static func describe(_ seconds: Double) -> String {
        guard seconds >= 60 else { return format(seconds) }
        let whole = Int(seconds.rounded())
        var parts: [String] = []
        var rest = whole
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size || !parts.isEmpty {
            if parts.count == 2 { break }
            if rest / size > 0 { parts.append("\(rest / size)\(unit)") } else { parts.append("") }
            rest %= size
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
