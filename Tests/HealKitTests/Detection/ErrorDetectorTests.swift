@testable import HealKit
import Testing

@Suite struct ErrorDetectorTests {
    let mapper = FramePathMapper(repositoryFiles: ["app/orders.py", "app/db.py", "app/users.py"])

    /// A window of `hours` with `counts[signature]` events spread over it.
    private func window(hours: Double, _ counts: [(file: String, function: String, type: String, count: Int)]) -> ErrorWindow {
        var window = ErrorWindow()
        window.saw(timestamp: 1_714_564_800)
        window.saw(timestamp: 1_714_564_800 + hours * 3600)
        for item in counts {
            for index in 0..<item.count {
                let time = 1_714_564_800 + hours * 3600 * Double(index) / Double(max(item.count, 1))
                let trace = StackTrace(chain: [TracedException(type: item.type, message: "boom \(index)", frames: [
                    StackFrame(file: "/srv/" + item.file, function: item.function, line: 10)])])
                window.add(ErrorEvent(timestamp: time, trace: trace, message: "failed", text: "", file: "log", line: index + 1),
                           mapper: mapper)
            }
        }
        return window
    }

    @Test func newSpikingAndSteadySignatures() throws {
        let baseline = window(hours: 24, [("app/db.py", "query", "OperationalError", 24), ("app/users.py", "load", "KeyError", 240)])
        let current = window(hours: 1, [("app/orders.py", "total", "TypeError", 12), ("app/db.py", "query", "OperationalError", 30),
                                        ("app/users.py", "load", "KeyError", 11), ("app/users.py", "save", "ValueError", 2)])
        let result = try ErrorDetector.detect(baseline: baseline, current: current)
        #expect(result.regressions.map(\.test) == ["TypeError at app/orders.py:total", "OperationalError at app/db.py:query"])
        #expect(result.regressions.map(\.kind) == [.newError, .errorSpike])
        // ValueError has 2 < min-count events: not tested.
        #expect(result.tested == 3)
        let spike = try #require(result.regressions.last?.errors)
        #expect(spike.baselineCount == 24 && spike.currentCount == 30)
        #expect(spike.baselineRate == 1 && spike.currentRate == 30)
        #expect(result.regressions.last?.file == "app/db.py" && result.regressions.last?.line == 10)
        #expect(result.regressions.first?.message == "boom <n>")
        #expect(spike.adjustedPValue >= (result.regressions.last?.pValue ?? 1))
    }

    @Test func holmCorrectionCoversEverySignatureTested() throws {
        // One signature alone at p ≈ 0.01 passes; among many tested signatures it does not.
        let one = try ErrorDetector.detect(baseline: window(hours: 1, [("app/db.py", "query", "E", 5)]),
                                           current: window(hours: 1, [("app/db.py", "query", "E", 14)]))
        #expect(one.regressions.count == 1)
        let pValue = try #require(one.regressions.first?.pValue)
        #expect(pValue > 0.005 && pValue < 0.05)
        let noise = (0..<20).map { ("app/users.py", "f\($0)", "Steady", 10) }
        let many = try ErrorDetector.detect(baseline: window(hours: 1, [("app/db.py", "query", "E", 5)] + noise),
                                            current: window(hours: 1, [("app/db.py", "query", "E", 14)] + noise))
        #expect(many.tested == 21)
        #expect(many.regressions.isEmpty)
    }

    @Test func minimumRatioAndWindowsFromOptions() throws {
        let baseline = window(hours: 1, [("app/db.py", "query", "E", 10_000)])
        let current = window(hours: 1, [("app/db.py", "query", "E", 10_600)])
        #expect(try ErrorDetector.detect(baseline: baseline, current: current).regressions.isEmpty)
        let floorOff = ErrorDetectionOptions(minRatio: 1)
        #expect(try ErrorDetector.detect(baseline: baseline, current: current, options: floorOff).regressions.count == 1)
        // A configured baseline window 24 times longer makes the same counts a spike.
        let longer = ErrorDetectionOptions(baselineWindow: 24 * 3600, currentWindow: 3600)
        #expect(try ErrorDetector.detect(baseline: baseline, current: current, options: longer).regressions.count == 1)
    }

    @Test func windowsWithoutTimeNeedAConfiguredLength() throws {
        var untimed = ErrorWindow()
        untimed.saw(timestamp: nil)
        #expect(throws: UnknownErrorWindow.self) {
            try ErrorDetector.detect(baseline: untimed, current: window(hours: 1, []))
        }
        let options = ErrorDetectionOptions(baselineWindow: 3600)
        #expect(try ErrorDetector.detect(baseline: untimed, current: window(hours: 1, []), options: options).regressions.isEmpty)
    }
}
