/// Part 3 of `heal demo`: the shop's support assistant, a small sampled "model" (every answer
/// drawn with Python's unseeded `random`, like an LLM at a temperature), and its eval suite.
enum DemoEvals {
    /// The cases whose scores the deploy drops, and the ones only noise moves.
    static let droppingCases = ["price-mug", "price-lamp"]
    static let noisyCases = ["shipping-eta", "apology"]

    /// deploy-4: the assistant, its evals, and `.heal.yml` with an `evals:` section.
    static func baseline(config: String) -> DemoProject.Change {
        DemoProject.Change(message: "support assistant: a sampled model and its eval suite", files: [
            ".heal.yml": config + healConfig,
            "shop/assistant.py": assistant(tone: "friendly", priceSkill: "0.97"),
            "evals/cases.jsonl": cases,
            "evals/run.py": runner,
        ])
    }

    /// deploy-5: a warmer tone and a "faster" price lookup in one commit (the lookup drops the
    /// price answers), then a harmless one.
    static let deploy: [DemoProject.Change] = [
        DemoProject.Change(message: "assistant: warmer tone, faster price lookup", files: [
            "shop/assistant.py": assistant(tone: "warm", priceSkill: "0.05"),
        ]),
        DemoProject.Change(message: "evals: document the runner", files: [
            "evals/README.md": "Run `python3 evals/run.py --samples 10 --out scores.jsonl`.\n",
        ]),
    ]

    static let healConfig = """
        evals:
          # Every case sampled {samples} times, or one case ({id}); scores in [0, 1] to {results}.
          command: "python3 evals/run.py --samples {samples} --out {results}"
          case: "python3 evals/run.py --case {id} --samples {samples} --out {results}"
          samples: 10
          # Fresh samples per side that confirm a drop before heal blames the deploy.
          confirm-samples: 30
        detection:
          score-threshold: 0.6
          score-delta: 0.1
          # Strict, so the demo's noisy cases are never blamed by chance (one in a thousand).
          alpha: 0.001

        """

    static func assistant(tone: String, priceSkill: String) -> String {
        """
        \"\"\"The shop's support assistant: a small sampled "model". Every answer is drawn at
        random, unseeded, like a language model sampled at a temperature.\"\"\"
        import random

        TONE = "\(tone)"

        PRICE_SKILL = \(priceSkill)

        SHIPPING_SKILL = 0.6

        APOLOGY_WORDS = 12

        PRICES = {"mug": "8.50", "lamp": "32.00"}


        def price(item):
            return PRICES[item] if random.random() < PRICE_SKILL else "let me check"


        def shipping_eta():
            return "3 days" if random.random() < SHIPPING_SKILL else "soon"


        def apology():
            words = max(1, round(random.gauss(APOLOGY_WORDS, 4)))
            return " ".join(["sorry"] * words)

        """
    }

    static let cases = """
        {"id": "price-mug", "ask": "price", "item": "mug", "expected": "8.50"}
        {"id": "price-lamp", "ask": "price", "item": "lamp", "expected": "32.00"}
        {"id": "shipping-eta", "ask": "shipping", "expected": "3 days"}
        {"id": "apology", "ask": "apology", "words": 12}

        """

    static let runner = """
        \"\"\"The assistant's eval suite: every case (or --case) sampled --samples times, one
        score in [0, 1] per sample, as JSON Lines to --out.\"\"\"
        import argparse
        import json
        import os
        import sys

        ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        sys.path.insert(0, ROOT)

        from shop import assistant


        def score(case):
            if case["ask"] == "price":
                return 1.0 if assistant.price(case["item"]) == case["expected"] else 0.0
            if case["ask"] == "shipping":
                return 1.0 if assistant.shipping_eta() == case["expected"] else 0.0
            words = len(assistant.apology().split())
            return max(0.0, 1.0 - abs(words - case["words"]) / case["words"])


        parser = argparse.ArgumentParser()
        parser.add_argument("--samples", type=int, default=10)
        parser.add_argument("--case")
        parser.add_argument("--out", required=True)
        args = parser.parse_args()
        with open(os.path.join(ROOT, "evals", "cases.jsonl")) as f:
            cases = [json.loads(line) for line in f if line.strip()]
        with open(args.out, "w") as out:
            for case in cases:
                if args.case in (None, case["id"]):
                    out.write(json.dumps({"id": case["id"], "scores": [score(case) for _ in range(args.samples)]}) + "\\n")

        """
}
