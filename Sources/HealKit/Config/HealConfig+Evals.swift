extension HealConfig {
    /// `evals:` a noisy eval suite: cases scored in [0, 1], each run sampling every case
    /// `samples` times. heal runs it beside the suite at both commits of a deploy, and calls
    /// `case` (a fresh process each time, as often as it needs) to re-sample one case.
    public struct Evals: Sendable, Equatable {
        /// `command`: every case; `{samples}` and `{results}` are substituted.
        public var command: String
        /// `case`: one case; `{id}`, `{samples}` and `{results}` are substituted.
        public var caseCommand: String
        /// `samples`: samples per case per run.
        public var samples: Int
        /// `format`: `auto` or `scores` (JSON or JSON Lines of `{"id", "score"}` or
        /// `{"id", "scores": [...]}`).
        public var format: ReportFormat
        /// `timeout` (seconds): one run's process group is killed after this.
        public var timeout: Duration
        /// `confirm-samples`: fresh samples per side (baseline and deploy) that confirm a
        /// flagged case before triage blames the deploy.
        public var confirmSamples: Int
        /// `probe-max-samples`: most samples per case one culprit-search or minimization probe
        /// draws before it gives up as undecided.
        public var probeMaxSamples: Int

        public init(command: String, caseCommand: String, samples: Int = 5, format: ReportFormat = .auto,
                    timeout: Duration = .seconds(1800), confirmSamples: Int = 20, probeMaxSamples: Int = 40) {
            self.command = command
            self.caseCommand = caseCommand
            self.samples = samples
            self.format = format
            self.timeout = timeout
            self.confirmSamples = confirmSamples
            self.probeMaxSamples = probeMaxSamples
        }

        /// The formats an eval suite may write.
        public static let formats: [ReportFormat] = [.auto, .scores]

        static func read(_ node: ConfigNode) throws -> Evals {
            let keys = try node.entries(known: ["command", "case", "samples", "format", "timeout", "confirm-samples",
                                                "probe-max-samples"])
            guard let all = keys["command"], let one = keys["case"] else {
                throw node.error("`evals:` needs both `command` (every case, writing {results}) and `case` "
                                 + "(one case {id}, writing {results}), e.g. `case: \"python evals/run.py --case {id} "
                                 + "--samples {samples} --out {results}\"`")
            }
            var evals = Evals(command: try HealConfigReader.command(all, placeholder: "results"),
                              caseCommand: try HealConfigReader.command(one, placeholder: "results"))
            guard evals.caseCommand.contains("{id}") else {
                throw one.error("the case command must name the case with `{id}` (heal substitutes the case id)")
            }
            if let value = keys["samples"] { evals.samples = try value.int(atLeast: 1) }
            if let value = keys["format"] { evals.format = ReportFormat(rawValue: try value.choice(formats.map(\.rawValue))) ?? .auto }
            if let value = keys["timeout"] { evals.timeout = try value.seconds() }
            if let value = keys["confirm-samples"] { evals.confirmSamples = try value.int(atLeast: 2) }
            if let value = keys["probe-max-samples"] { evals.probeMaxSamples = try value.int(atLeast: 1) }
            return evals
        }

        /// The section as `.heal.yml` lines (commented out when the project has none).
        static func render(_ evals: Evals?) -> [String] {
            let value = evals ?? Evals(command: "python evals/run.py --samples {samples} --out {results}",
                                       caseCommand: "python evals/run.py --case {id} --samples {samples} --out {results}")
            let prefix = evals == nil ? "# " : ""
            return [
                "# A noisy eval suite scoring each case in [0, 1] (0/1 or continuous), run beside the suite.",
                "# Both commands write scores to {results}: JSON or JSON Lines of {\"id\": …, \"score\": x}",
                "# or {\"id\": …, \"scores\": [x, …]}; {samples} is substituted.",
                "\(prefix)evals:",
                "\(prefix)  command: \(YAMLText.quote(value.command))",
                "\(prefix)  # One case, {id}; heal calls it in fresh processes to re-sample a case.",
                "\(prefix)  case: \(YAMLText.quote(value.caseCommand))",
                "\(prefix)  # Samples per case per run.",
                "\(prefix)  samples: \(value.samples)",
                "\(prefix)  # \(formats.map(\.rawValue).joined(separator: " | "))",
                "\(prefix)  format: \(value.format.rawValue)",
                "\(prefix)  timeout: \(YAMLText.number(value.timeout.timeInterval))",
                "\(prefix)  # Fresh samples per side that confirm a drop before triage blames the deploy.",
                "\(prefix)  confirm-samples: \(value.confirmSamples)",
                "\(prefix)  # Most samples per case one culprit-search probe draws before it gives up.",
                "\(prefix)  probe-max-samples: \(value.probeMaxSamples)",
            ]
        }
    }
}
