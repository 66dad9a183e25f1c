/// Compares a baseline report with the current one, test by test and eval case by eval case.
/// Pure: no I/O, the same answer for the same reports.
public enum Detector {
    public static func detect(baseline: TestReport, current: TestReport, options: DetectionOptions = DetectionOptions()) -> DetectionResult {
        let before = baseline.tests.store, after = current.tests.store
        var regressions: [Regression] = []
        var fixed: [String] = [], missing: [String] = []
        var baselinePassing = 0, newlyFailing = 0, stillFailing = 0
        // Runs of the same suite list their cases in the same order: try the case after the
        // last match before looking the id up.
        var next = 0
        for index in 0..<before.count {
            let was = before.outcome(at: index)
            if was.isPass { baselinePassing += 1 }
            let found = next < after.count && after.hasSameID(next, as: index, in: before)
                ? next : after.index(matching: index, in: before)
            guard let match = found else {
                let id = before.id(at: index)
                missing.append(id)
                if options.missingIsRegression {
                    let test = before.testCase(at: index)
                    regressions.append(Regression(test: id, kind: .missing, baseline: was, file: test.file, line: test.line))
                }
                continue
            }
            next = match + 1
            let now = after.outcome(at: match)
            switch (was.isFailure, now.isFailure) {
            case (false, true):
                newlyFailing += was.isPass ? 1 : 0
                let now = after.testCase(at: match)
                regressions.append(regression(now, kind: now.outcome == .buildFailed ? .buildFailure : .newlyFailing, baseline: was))
            case (true, false) where now.isPass:
                fixed.append(before.id(at: index))
            case (true, true):
                stillFailing += 1
            default:
                break
            }
        }
        for index in 0..<after.count where after.outcome(at: index).isFailure && before.index(matching: index, in: after) == nil {
            let test = after.testCase(at: index)
            regressions.append(regression(test, kind: test.outcome == .buildFailed ? .buildFailure : .newTestFailing, baseline: nil))
        }
        BuildFailureAttribution.attribute(missing: missing, to: &regressions)
        let drops = scoreDrops(baseline: baseline, current: current, options: options)
        for eval in baseline.evals where current.eval(eval.id) == nil { missing.append(eval.id) }
        regressions += drops
        let order = Dictionary(uniqueKeysWithValues: RegressionKind.allCases.enumerated().map { ($1, $0) })
        regressions.sort { (order[$0.kind] ?? 0, $0.test) < (order[$1.kind] ?? 0, $1.test) }
        let infraSuspect = baselinePassing >= options.infraSuspectMinimumTests
            && Double(newlyFailing) > options.infraSuspectFraction * Double(baselinePassing)
        let summary = DetectionSummary(
            baselineTests: before.count, currentTests: after.count, regressions: regressions.count,
            newlyFailing: regressions.count { $0.kind == .newlyFailing },
            newTestFailing: regressions.count { $0.kind == .newTestFailing },
            scoreDrops: drops.count, missing: missing.count, fixed: fixed.count, stillFailing: stillFailing,
            evalCases: current.evals.count, infraSuspect: infraSuspect)
        return DetectionResult(regressions: regressions, fixed: fixed.sorted(), missing: missing.sorted(),
                               infraSuspect: infraSuspect, summary: summary)
    }

    private static func regression(_ test: TestCase, kind: RegressionKind, baseline: TestOutcome?) -> Regression {
        Regression(test: test.id, kind: kind, baseline: baseline, current: test.outcome, message: test.message,
                   file: test.file, line: test.line)
    }

    /// An eval case regressed when its mean falls below the threshold (and was not below it
    /// before), or drops by more than the delta — and, when both sides have several samples,
    /// the drop is significant by the one-sided exact test at `alpha` (`ScoreTest`: Fisher's for 0/1
    /// samples, Mann-Whitney U otherwise).
    static func scoreDrops(baseline: TestReport, current: TestReport, options: DetectionOptions) -> [Regression] {
        var drops: [Regression] = []
        for eval in current.evals {
            let now = eval.mean
            guard let before = baseline.eval(eval.id) else {
                if let threshold = options.scoreThreshold, now < threshold {
                    drops.append(Regression(test: eval.id, kind: .scoreDrop, currentScore: now))
                }
                continue
            }
            let was = before.mean
            if let threshold = options.scoreThreshold, now < threshold, was >= threshold {
                drops.append(Regression(test: eval.id, kind: .scoreDrop, baselineScore: was, currentScore: now))
                continue
            }
            guard was - now > options.scoreDelta else { continue }
            if before.scores.count > 1 && eval.scores.count > 1 {
                let p = ScoreTest.less(current: eval.scores, baseline: before.scores).pValue
                if p < options.alpha {
                    drops.append(Regression(test: eval.id, kind: .scoreDrop, baselineScore: was, currentScore: now, pValue: p))
                }
            } else {
                drops.append(Regression(test: eval.id, kind: .scoreDrop, baselineScore: was, currentScore: now))
            }
        }
        return drops
    }
}
