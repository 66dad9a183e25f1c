/// Where a reader is in its input, for problems and duplicate notices.
struct SourcePosition: Sendable {
    var file: String
    var line: Int
    var column: Int = 0
}

/// Accumulates what readers find into one report: merges duplicate ids (worse outcome wins,
/// noted as a problem), pools eval samples, and bounds messages.
struct ReportBuilder {
    private(set) var store = CaseStore()
    private(set) var evals: [EvalCase] = []
    private var evalIndex: [String: Int] = [:]
    private(set) var problems = ReportProblems()

    /// Adds a case whose id is `idPrefix + name`.
    mutating func add(idPrefix: String, name: String, classname: String?, file: String?, line: Int?,
                      outcome: TestOutcome, duration: Double?, message: String?, output: String?,
                      at position: SourcePosition) {
        let keepsDetail = !outcome.isPass
        let message = keepsDetail ? BoundedText.clip(message) : nil
        let output = keepsDetail ? BoundedText.clip(output, limit: BoundedText.outputLimit) : nil
        let insertion = store.insert(idPrefix: idPrefix, suffix: name, name: nil, classname: classname, file: file,
                                     line: line, outcome: outcome, duration: duration, message: message, output: output)
        record(insertion, outcome: outcome, message: message, output: output, at: position)
    }

    /// Adds a case of `group` (from `group(prefix:classname:file:)`) whose id ends with the
    /// bytes of `suffix`, which are also the case's name.
    mutating func add(group: Int32, suffix: UnsafeRawBufferPointer, line: Int?, outcome: TestOutcome, duration: Double?,
                      message: String?, output: String?, at position: SourcePosition) {
        let keepsDetail = !outcome.isPass
        let message = keepsDetail ? BoundedText.clip(message) : nil
        let output = keepsDetail ? BoundedText.clip(output, limit: BoundedText.outputLimit) : nil
        let detail = message != nil || output != nil ? CaseStore.Detail(message: message, output: output) : nil
        let insertion = store.insert(group: group, suffix: suffix, line: line, outcome: outcome, duration: duration, detail: detail)
        record(insertion, outcome: outcome, message: message, output: output, at: position)
    }

    /// The group of cases sharing this id prefix, classname and file, for `add(group:…)`.
    mutating func group(prefix: String, classname: String?, file: String?) -> Int32 {
        store.group(prefix: store.intern(prefix), classname: classname.map { store.intern($0) } ?? -1,
                    file: file.map { store.intern($0) } ?? -1)
    }

    /// Prepares for about `count` cases in all (see `CaseStore.reserve`).
    mutating func reserve(cases count: Int) { store.reserve(count) }

    /// Adds a case given as a value (its name need not be the id's suffix).
    mutating func add(_ test: TestCase, at position: SourcePosition) {
        let keepsDetail = !test.outcome.isPass
        let message = keepsDetail ? BoundedText.clip(test.message) : nil
        let output = keepsDetail ? BoundedText.clip(test.output, limit: BoundedText.outputLimit) : nil
        let suffixIsName = test.id.hasSuffix(test.name)
        let prefix = suffixIsName ? String(test.id.dropLast(test.name.count)) : ""
        let insertion = store.insert(idPrefix: prefix, suffix: suffixIsName ? test.name : test.id,
                                     name: suffixIsName ? nil : test.name, classname: test.classname,
                                     file: test.file, line: test.line, outcome: test.outcome,
                                     duration: test.duration, message: message, output: output)
        record(insertion, outcome: test.outcome, message: message, output: output, at: position)
    }

    /// Pools score samples under `id`.
    mutating func addScores(id: String, scores: [Double]) {
        if let index = evalIndex[id] {
            evals[index].scores += scores
        } else {
            evalIndex[id] = evals.count
            evals.append(EvalCase(id: id, scores: scores))
        }
    }

    mutating func problem(_ message: String, at position: SourcePosition) {
        problems.append(ReportProblem(file: position.file, line: position.line, column: position.column, message: message))
    }

    private mutating func record(_ insertion: CaseStore.Insertion, outcome: TestOutcome, message: String?, output: String?,
                                 at position: SourcePosition) {
        switch insertion {
        case .added:
            break
        case .duplicate(let existing):
            mergeDuplicate(existing, outcome: outcome, message: message, output: output, at: position)
        case .full:
            problem("a case past heal's 4 GiB of test ids was not read", at: position)
        }
    }

    private mutating func mergeDuplicate(_ existing: Int, outcome: TestOutcome, message: String?, output: String?,
                                         at position: SourcePosition) {
        let kept = store.outcome(at: existing)
        problem("duplicate test id '\(store.id(at: existing))' (\(kept.rawValue), then \(outcome.rawValue)); "
                + "counted once with the worse outcome", at: position)
        if outcome.severity > kept.severity {
            store.setOutcome(outcome, message: message, output: output, at: existing)
        }
    }
}
