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
}
