import Foundation

/// Timestamps in the shapes loggers write, read without a date formatter (one per log line).
///
/// ISO 8601 / RFC 3339 with `T` or a space, `.` or `,` fractions (Python's `asctime`), `Z`,
/// `±hh:mm`, `±hhmm`, `±hh` or no zone; Go's `2006/01/02 15:04:05`; the common log format's
/// `02/Jan/2006:15:04:05 -0700`; Unix times in seconds, milliseconds, microseconds or
/// nanoseconds. A time without a zone is read as UTC: both windows come from the same logs, so
/// only their lengths matter.
enum LogTimestamp {
    /// Seconds since 1970 of the timestamp at the start of `bytes`, and the bytes it took.
    static func prefix(_ bytes: ArraySlice<UInt8>) -> (seconds: Double, length: Int)? {
        var iso = Scanner(bytes: bytes)
        if let seconds = iso.isoOrGo() {
            return plausible(seconds).map { ($0, iso.index - bytes.startIndex) }
        }
        var common = Scanner(bytes: bytes)
        if let seconds = common.commonLogFormat() {
            return plausible(seconds).map { ($0, common.index - bytes.startIndex) }
        }
        return nil
    }

    /// A whole value of a JSON field: a timestamp string, or a Unix time as a number or string.
    static func value(_ value: Any) -> Double? {
        if let number = value as? NSNumber { return plausible(unixTime(number.doubleValue)) }
        guard let text = value as? String else { return nil }
        let bytes = Array(text.utf8)[...]
        if let (seconds, _) = prefix(bytes) { return plausible(seconds) }
        if let number = Double(text) { return plausible(unixTime(number)) }
        return nil
    }

    /// Times from 2000 to 2200: anything else (a boolean read as 1, a counter in a time field)
    /// would stretch a window by decades and fake every rate.
    static func plausible(_ seconds: Double?) -> Double? {
        guard let seconds, (946_684_800...7_258_118_400).contains(seconds) else { return nil }
        return seconds
    }

    /// A Unix time in whichever unit its magnitude says (seconds up to the year 5138).
    static func unixTime(_ number: Double) -> Double? {
        guard number.isFinite, number > 0 else { return nil }
        if number >= 1e17 { return number / 1e9 }
        if number >= 1e14 { return number / 1e6 }
        if number >= 1e11 { return number / 1e3 }
        return number
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func digits(_ count: Int) -> Int? {
            guard bytes.endIndex - index >= count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func take(oneOf set: [UInt8]) -> UInt8? {
            guard let byte = current, set.contains(byte) else { return nil }
            index += 1
            return byte
        }

        /// `YYYY-MM-DD[T ]hh:mm:ss[.frac][zone]` or `YYYY/MM/DD hh:mm:ss[.frac]`.
        mutating func isoOrGo() -> Double? {
            guard let year = digits(4), let separator = take(oneOf: [0x2D, 0x2F]), let month = digits(2),
                  take(separator), let day = digits(2), take(oneOf: [0x54, 0x74, 0x20]) != nil,
                  let time = clock() else { return nil }
            guard let date = civil(year, month, day) else { return nil }
            return date + time + fraction() - zoneOffset()
        }

        /// `DD/Mon/YYYY:hh:mm:ss ±hhmm`.
        mutating func commonLogFormat() -> Double? {
            guard let day = digits(2), take(0x2F), bytes.endIndex - index >= 3 else { return nil }
            let name = String(decoding: bytes[index..<index + 3], as: UTF8.self).lowercased()
            guard let month = Self.months.firstIndex(of: name) else { return nil }
            index += 3
            guard take(0x2F), let year = digits(4), take(0x3A), let time = clock(),
                  let date = civil(year, month + 1, day) else { return nil }
            return date + time + fraction() - zoneOffset()
        }

        static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

        func civil(_ year: Int, _ month: Int, _ day: Int) -> Double? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return Double(LogTimestamp.days(year: year, month: month, day: day)) * 86_400
        }

        mutating func clock() -> Double? {
            guard let hour = digits(2), take(0x3A), let minute = digits(2), take(0x3A), let second = digits(2),
                  hour < 24, minute < 60, second <= 60 else { return nil }
            return Double(hour * 3600 + minute * 60 + second)
        }

        mutating func fraction() -> Double {
            guard take(oneOf: [0x2E, 0x2C]) != nil else { return 0 }
            var value = 0.0, scale = 0.1
            while let byte = current, (0x30...0x39).contains(byte) {
                value += Double(byte - 0x30) * scale
                scale /= 10
                index += 1
            }
            return value
        }

        /// The zone's offset east of UTC in seconds; 0 for `Z` or none. A space may precede a
        /// numeric zone (`12:00:00 +0000`), but `12:00:00 - ERROR` is no zone.
        mutating func zoneOffset() -> Double {
            if take(0x5A) || take(0x7A) { return 0 }
            let start = index
            _ = take(0x20)
            guard let sign = take(oneOf: [0x2B, 0x2D]), let hours = digits(2), hours < 24 else {
                index = start
                return 0
            }
            let afterHours = index
            let colon = take(0x3A)
            guard let minutes = digits(2), minutes < 60 else {
                index = colon ? afterHours : index
                return Double(hours * 3600) * (sign == 0x2D ? -1 : 1)
            }
            return Double(hours * 3600 + minutes * 60) * (sign == 0x2D ? -1 : 1)
        }
    }
}
