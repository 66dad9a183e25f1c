import Foundation

/// A real Python eval harness for a `PythonProject`: a small sampled "model" in
/// `src/assistant.py` (every answer drawn with Python's unseeded `random`, like an LLM at a
/// temperature), eval cases in `evals/cases.jsonl`, a grader and a runner writing JSON Lines of
/// `{"id", "scores": [...]}`.
///
/// Cases: `arith-add` and `arith-mul` (0/1, right with probability `ARITHMETIC`), `spell-receive`
/// (0/1, `SPELLING`), `summary` (continuous: how close a summary's length is to 10 words),
/// and two noise-only cases no commit here changes: `trivia-peru` (0/1 at 0.5) and `poem`
/// (continuous, widely spread).
public enum EvalHarness {
    /// `evals.command`.
    public static let command = "python3 evals/run.py --samples {samples} --out {results}"
    /// `evals.case`.
    public static let caseCommand = "python3 evals/run.py --case {id} --samples {samples} --out {results}"

    /// The cases whose scores nothing in the fixtures changes.
    public static let noiseCases = ["poem", "trivia-peru"]

    /// The model's tunable constants, each on its own line with blank lines between, so a
    /// change to one is one hunk.
    public struct Model: Sendable {
        public var arithmetic = 0.99
        public var spelling = 0.97
        public var summaryWords = 10
        public var greeting = "Hello"

        public init() {}
    }

    /// Every file of the harness.
    public static func files(_ model: Model = Model()) -> [String: String] {
        [
            "src/assistant.py": assistant(model),
            "evals/grader.py": grader,
            "evals/run.py": runner,
            "evals/cases.jsonl": cases(spelling: "receive"),
            "tests/test_assistant.py": unitTests,
        ]
    }

    /// `src/assistant.py` with these constants.
    public static func assistant(_ model: Model) -> String {
        """
        \"\"\"A small sampled "model": every answer is drawn at random (unseeded), like an LLM
        sampled at a temperature. Each skill answers right with its probability.\"\"\"
        import random

        GREETING = "\(model.greeting)"

        ARITHMETIC = \(model.arithmetic)

        SPELLING = \(model.spelling)

        TRIVIA = 0.5

        SUMMARY_WORDS = \(model.summaryWords)

        SUMMARY_SPREAD = 0.6

        POEM_LINES = 4

        POEM_SPREAD = 1.5

        KNOWLEDGE = {"2+2": "4", "7*6": "42", "spell receive": "receive", "capital of Peru": "Lima"}

        SKILLS = {"arithmetic": ARITHMETIC, "spelling": SPELLING, "trivia": TRIVIA}


        def greet(name):
            return GREETING + ", " + name + "!"


        def answer(prompt, skill):
            if random.random() < SKILLS[skill]:
                return KNOWLEDGE[prompt]
            return "I am not sure"


        def summarize(text):
            words = max(1, round(random.gauss(SUMMARY_WORDS, SUMMARY_SPREAD)))
            return " ".join(text.split()[:words])


        def poem(topic):
            lines = max(1, round(random.gauss(POEM_LINES, POEM_SPREAD)))
            return "\\n".join(topic + " line " + str(i) for i in range(lines))

        """
    }

    /// `evals/cases.jsonl`, with the spelling case's expected answer.
    public static func cases(spelling: String) -> String {
        let text = (1...40).map { "word\($0)" }.joined(separator: " ")
        return """
            {"id": "arith-add", "kind": "exact", "skill": "arithmetic", "prompt": "2+2", "expected": "4"}
            {"id": "arith-mul", "kind": "exact", "skill": "arithmetic", "prompt": "7*6", "expected": "42"}
            {"id": "spell-receive", "kind": "exact", "skill": "spelling", "prompt": "spell receive", "expected": "\(spelling)"}
            {"id": "trivia-peru", "kind": "exact", "skill": "trivia", "prompt": "capital of Peru", "expected": "Lima"}
            {"id": "summary", "kind": "words", "text": "\(text)", "target": 10}
            {"id": "poem", "kind": "lines", "topic": "sea", "target": 4}

            """
    }

    static let grader = """
        \"\"\"Scores one output of the model in [0, 1].\"\"\"


        def grade(case, output):
            if case["kind"] == "exact":
                return 1.0 if output == case["expected"] else 0.0
            count = len(output.split()) if case["kind"] == "words" else len(output.splitlines())
            return max(0.0, 1.0 - abs(count - case["target"]) / case["target"])

        """

    static let runner = """
        \"\"\"Samples every case (or one, --case) --samples times; JSON Lines to --out.\"\"\"
        import argparse
        import json
        import os
        import sys

        ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        sys.path.insert(0, os.path.join(ROOT, "src"))
        sys.path.insert(0, os.path.join(ROOT, "evals"))

        import assistant
        import grader


        def run(case):
            if case["kind"] == "exact":
                return assistant.answer(case["prompt"], case["skill"])
            if case["kind"] == "words":
                return assistant.summarize(case["text"])
            return assistant.poem(case["topic"])


        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("--samples", type=int, default=5)
            parser.add_argument("--case")
            parser.add_argument("--out", required=True)
            args = parser.parse_args()
            with open(os.path.join(ROOT, "evals", "cases.jsonl")) as f:
                cases = [json.loads(line) for line in f if line.strip()]
            if args.case:
                cases = [case for case in cases if case["id"] == args.case]
            with open(args.out, "w") as out:
                for case in cases:
                    scores = [grader.grade(case, run(case)) for _ in range(args.samples)]
                    out.write(json.dumps({"id": case["id"], "scores": scores}) + "\\n")


        main()

        """

    static let unitTests = """
        from assistant import greet


        def test_greet():
            assert greet("Ada").endswith(", Ada!")

        """
}
