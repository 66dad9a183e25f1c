import Foundation
@testable import HealKit
import Testing

/// The fast path for JSON log lines must answer exactly as the full parse does.
@Suite struct JSONSkimTests {
    static let levels = [#""info""#, #""INFO""#, #""error""#, #""Error""#, #""warning""#, #""CRITICAL""#, "30", "50", "55.5",
                         "60", "70", "null", "true", #""err\u006fr""#, #"{"name": "error"}"#]
    static let times = [#""2024-05-01T12:00:00Z""#, #""2024-05-01 12:00:00,123""#, "1714564800", "1714564800123",
                        "1.7145648e9", "true", "42", #""yesterday""#, "null", #""2024-05-01T12:00:00\u005a""#, #"{"t": 1}"#]
    static let extras = [#""message": "GET /users/7 200""#, #""exc_info": "Traceback (most recent call last):\n  File \"a.py\", line 1, in f\nKeyError: 1""#,
                         #""error": "sql: no rows""#, #""error": {"type": "E", "stack": "E: x\n    at f (/a.js:1:2)"}"#,
                         #""stack": null"#, #""log": "plain line\n", "stream": "stderr""#, #""log": {"level": "error"}"#,
                         #""nested": {"level": "error", "time": 5, "a": [1, 2.5e-3, -0, "x\"y"]}"#, #""emoji": "😀 \u00e9""#,
                         #""exception": {"values": []}"#, #""lvl": "fatal""#]

    private func slow(_ line: String) -> (valid: Bool, timestamp: Double?, isError: Bool) {
        guard case .success(let object) = JSONElementScanner.object(Array(line.utf8)) else { return (false, nil, false) }
        let (timestamp, event) = JSONLogEntry.read(object, file: "f", line: 1)
        return (true, timestamp, event != nil)
    }

    @Test func agreesWithTheFullParseOnEveryCombination() {
        var fast = 0
        for level in Self.levels {
            for time in Self.times {
                for extra in Self.extras {
                    for (levelKey, timeKey) in [("level", "timestamp"), ("levelname", "asctime"), ("severity", "ts"), ("@l", "@t")] {
                        let line = "{\"\(timeKey)\": \(time), \"\(levelKey)\": \(level), \(extra)}"
                        let expected = slow(line)
                        if case .noError(let timestamp) = JSONLogEntry.skim(Array(line.utf8)[...]) {
                            fast += 1
                            #expect(expected.valid && !expected.isError && expected.timestamp == timestamp, "\(line)")
                        }
                    }
                }
            }
        }
        // Most combinations without an error level or trace take the fast path.
        #expect(fast > 800)
    }

    @Test func validityMatchesJSONSerializationUnderMutation() {
        var generator = SplitMix64(seed: 12)
        let seeds = Self.extras.map { "{\"time\": 1714564800, \"level\": \"info\", \($0)}" }
        let alphabet = Array("{}[]\":,\\ 0123456789.eE+-truefalsnl\u{1}\tx😀".unicodeScalars)
        var checked = 0
        for seed in seeds {
            for _ in 0..<400 {
                var scalars = Array(seed.unicodeScalars)
                for _ in 0..<Int(generator.next() % 3 + 1) {
                    let position = Int(generator.next() % UInt64(scalars.count + 1))
                    switch generator.next() % 3 {
                    case 0 where position < scalars.count: scalars.remove(at: position)
                    case 1: scalars.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                    default: scalars = Array(scalars.prefix(position))
                    }
                }
                var line = ""
                line.unicodeScalars.append(contentsOf: scalars)
                let skimmed = JSONSkim.members(of: Array(line.utf8)[...], keys: []) != nil
                let parsed = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) != nil
                if skimmed { #expect(parsed, "skim accepted what JSONSerialization rejects: \(line)") }
                checked += 1
            }
        }
        #expect(checked == seeds.count * 400)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = "{\"a\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(JSONSkim.members(of: Array(deep.utf8)[...], keys: []) == nil)
        #expect(JSONLogEntry.skim(Array(deep.utf8)[...]) == .needsParse)
    }
}
