/// The sample repository `heal demo` builds: a tiny Python shop with pytest tests, and the
/// commits of its deploys. Everything a newcomer sees in the demo is in here, in plain text.
enum DemoProject {
    /// One commit: the files it writes (repository-relative path → content) and its message.
    struct Change: Sendable {
        var message: String
        var files: [String: String]
    }

    /// The environment variable naming the flaky test's counter file (outside the checkout, in
    /// a folder `sandbox.writable` lets the suite write to).
    static let flakeCounterVariable = "HEAL_DEMO_FLAKE_COUNTER"
    /// The regression the revert agent fixes, and the flaky test that flickers next to it.
    static let regressingTest = "tests/test_pricing.py::test_discount"
    static let flakyTest = "tests/test_cache.py::test_cache_warm"
    /// The regression no revert can fix: reverting it breaks the deploy's new test.
    static let unfixableTest = "tests/test_pricing.py::test_with_tax"

    /// deploy-1: the shop, its tests and its `.heal.yml`; the flaky test counts its runs in
    /// `counterDirectory`.
    static func baseline(coverage: Bool, counterDirectory: String) -> Change {
        Change(message: "shop: pricing, formatting, a price cache and their tests", files: [
            ".gitignore": "__pycache__/\n.coverage\n",
            ".heal.yml": healConfig(coverage: coverage, counterDirectory: counterDirectory),
            "shop/__init__.py": "\"\"\"A tiny shop: prices, discounts, tax, formatting.\"\"\"\n",
            "shop/pricing.py": pricing(subtotal: subtotalLoop, lookup: "code", extra: "", vat: 20),
            "shop/format.py": format(thousands: false),
            "shop/cache.py": cache(countHits: false),
            "tests/test_pricing.py": pricingTests,
            "tests/test_format.py": formatTests,
            "tests/test_cache.py": cacheTests,
        ])
    }

    /// deploy-2: three commits; the second hides a regression among benign hunks.
    static let deploy: [Change] = [
        Change(message: "format: thousands separators in money()", files: ["shop/format.py": format(thousands: true)]),
        Change(message: "pricing: accept discount codes in any case; tidy subtotal; describe codes", files: [
            "shop/pricing.py": pricing(subtotal: subtotalSum, lookup: "code.lower()", extra: describeDiscount, vat: 20),
        ]),
        Change(message: "cache: count hits", files: ["shop/cache.py": cache(countHits: true)]),
    ]

    /// deploy-3: VAT goes to 25% with a new test pinning it, but the old test still pins 20%.
    static let unfixable = Change(message: "pricing: VAT is 25% now", files: [
        "shop/pricing.py": pricing(subtotal: subtotalSum, lookup: "code.lower()", extra: describeDiscount, vat: 25),
        "tests/test_vat.py": """
            from shop.pricing import with_tax


            def test_vat_is_25_percent():
                assert with_tax(100.0) == 125.0

            """,
    ])

    // MARK: - Files

    static func healConfig(coverage: Bool, counterDirectory: String) -> String {
        // PYTEST_DISABLE_PLUGIN_AUTOLOAD keeps whatever pytest plugins this machine has out of the
        // suite: a deterministic grader, and several times faster to start.
        let pytest = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"
        var text = """
            # heal's configuration for this sample project; `heal init` writes one with every key.
            suite:
              # The whole suite, writing JUnit XML to {results}; heal grades runs from that file.
              command: "\(pytest) --junitxml={results}"
              # One test by its pytest node id, for triage's reruns and the fix's verification.
              test: "\(pytest) {id} --junitxml={results}"

            """
        if coverage {
            text += """
                coverage:
                  # Which lines each test runs (coverage.py contexts): triage narrows a failure to the
                  # changed hunks its test executes. `;` so a failing test still leaves a report.
                  command: "\(pytest) -p pytest_cov --cov=shop --cov-context=test --cov-report= ; python3 -m coverage json --show-contexts -o {coverage}"
                  format: coveragepy-json

                """
        }
        text += """
            fix:
              agent: revert        # the built-in agent: reverts the minimal causal hunks, offline
              max-attempts: 3      # the circuit breaker opens after 3 failed attempts on one test
            sandbox:
              # Every test run is boxed in (bubblewrap / sandbox-exec): it may write only its own
              # scratch copy, and this folder, where the flaky test counts its runs.
              writable: [\(YAMLText.quote(counterDirectory))]
            deploy-tags: "deploy-*"

            """
        return text
    }

    static let subtotalLoop = """
            total = 0.0
            for price, quantity in items:
                total += price * quantity
            return round(total, 2)
        """

    static let subtotalSum = """
            return round(sum(price * quantity for price, quantity in items), 2)
        """

    static let describeDiscount = """


        def describe_discount(code):
            \"\"\"How a discount code reads on a receipt.\"\"\"
            rate = DISCOUNTS.get(code.upper())
            return f"{code.upper()}: {rate:.0%} off" if rate else f"{code}: not a discount code"

        """

    static func pricing(subtotal: String, lookup: String, extra: String, vat: Int) -> String {
        """
        \"\"\"Prices: subtotals, discount codes and VAT.\"\"\"

        DISCOUNTS = {"SAVE10": 0.10, "SAVE25": 0.25}


        def subtotal(items):
            \"\"\"The sum of price * quantity over (price, quantity) pairs.\"\"\"
        \(subtotal)


        def apply_discount(total, code):
            \"\"\"The total after a discount code; unknown codes change nothing.\"\"\"
            rate = DISCOUNTS.get(\(lookup), 0.0)
            return round(total * (1 - rate), 2)


        def with_tax(amount):
            \"\"\"The amount with VAT (\(vat)%) added.\"\"\"
            return round(amount * \(vat == 20 ? "1.20" : "1.25"), 2)
        \(extra)
        """
    }

    static func format(thousands: Bool) -> String {
        """
        \"\"\"Money as customers read it.\"\"\"


        def money(amount):
            \"\"\"`$5.00`\(thousands ? ", `$1,234.50`" : "").\"\"\"
            return f"${amount:\(thousands ? "," : "").2f}"

        """
    }

    static func cache(countHits: Bool) -> String {
        """
        \"\"\"An in-memory price cache.\"\"\"


        class PriceCache:
            def __init__(self):
                self._prices = {}
        \(countHits ? "        self.hits = 0\n" : "")
            def put(self, sku, price):
                self._prices[sku] = price

            def get(self, sku):
        \(countHits ? "        if sku in self._prices:\n            self.hits += 1\n" : "")        return self._prices.get(sku)

        """
    }

    static let pricingTests = """
        from shop.pricing import apply_discount, subtotal, with_tax


        def test_subtotal():
            assert subtotal([(2.50, 4), (1.25, 2)]) == 12.5


        def test_discount():
            assert apply_discount(subtotal([(10.0, 2)]), "SAVE10") == 18.0


        def test_unknown_code():
            assert apply_discount(20.0, "NOPE") == 20.0


        def test_with_tax():
            assert with_tax(100.0) == 120.0

        """

    static let formatTests = """
        from shop.format import money


        def test_money():
            assert money(5) == "$5.00"

        """

    static let cacheTests = """
        import os

        from shop.cache import PriceCache


        def bump(path):
            \"\"\"Counts this test's runs in a file outside the checkout; 1 when there is none.\"\"\"
            if not path:
                return 1
            try:
                with open(path) as counter:
                    runs = int(counter.read() or 0) + 1
            except FileNotFoundError:
                runs = 1
            with open(path, "w") as counter:
                counter.write(str(runs))
            return runs


        def test_cache_warm():
            # A stand-in for a timing flake, made deterministic: it fails on its second run ever
            # (the deploy's suite run in `heal demo`) and passes on every other.
            runs = bump(os.environ.get("\(flakeCounterVariable)"))
            cache = PriceCache()
            cache.put("sku-1", 9.99)
            assert runs != 2, "the cache was cold (flaky on purpose: fails on its second run only)"
            assert cache.get("sku-1") == 9.99

        """
}
