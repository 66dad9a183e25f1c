@testable import HealKit
import Testing

@Suite struct LogTimestampTests {
    /// 2024-05-01T12:00:00Z, as Python's datetime computes it.
    let noon = 1_714_564_800.0

    @Test(arguments: [
        ("2024-05-01T12:00:00Z", 0.0),
        ("2024-05-01T12:00:00.250+02:00", -7_199.75),
        ("2024-05-01 12:00:00,123 ERROR app", 0.123),
        ("2024-05-01 14:00:00+0200", 0),
        ("2024-05-01 07:00:00 -05:00 - boom", 0),
        ("2024-05-01t12:00:00z", 0),
        ("2024/05/01 12:00:00 listening", 0),
        ("2024/05/01 12:00:00.500000 listening", 0.5),
        ("01/May/2024:14:00:00 +0200] \"GET /\"", 0),
        ("2024-05-01 12:00:00 - ERROR", 0),
    ])
    func prefixes(text: String, offset: Double) throws {
        let (seconds, _) = try #require(LogTimestamp.prefix(Array(text.utf8)[...]))
        #expect(abs(seconds - (noon + offset)) < 1e-6)
    }

    @Test func calendarEdges() {
        #expect(LogTimestamp.days(year: 1970, month: 1, day: 1) == 0)
        #expect(Double(LogTimestamp.days(year: 2000, month: 2, day: 29)) * 86_400 + 86_399 == 951_868_799)
        #expect(Double(LogTimestamp.days(year: 2099, month: 12, day: 31)) * 86_400 == 4_102_358_400)
    }

    @Test func rejectsWhatIsNoTime() {
        for text in ["2024-13-01T12:00:00Z", "2024-05-01T25:00:00Z", "2024-05-01", "12:00:00", "hello", "20240501T120000",
                     "1970-01-01T00:00:01Z", "2024-05-01X12:00:00"] {
            #expect(LogTimestamp.prefix(Array(text.utf8)[...]) == nil, "\(text)")
        }
    }

    @Test func jsonValuesInAnyUnit() throws {
        for value in [noon, noon * 1e3, noon * 1e6, noon * 1e9] as [Double] {
            #expect(LogTimestamp.value(value as Any) == noon)
        }
        #expect(LogTimestamp.value("1714564800.5") == noon + 0.5)
        #expect(LogTimestamp.value("2024-05-01T12:00:00Z") == noon)
        // A boolean or a small counter in a time field would stretch a window by decades.
        #expect(LogTimestamp.value(true as Any) == nil)
        #expect(LogTimestamp.value(42 as Any) == nil)
        #expect(LogTimestamp.value("yesterday") == nil)
    }
}
