/// A pytest project for cause scenarios: one catalog module whose functions several tests go
/// through each — six through `sku`, two each through `shelf`, `price` and `label`, two through
/// `tag`, whose value and code come from two different lines — so one changed line breaks many
/// tests, and two changes break disjoint sets.
public enum Catalog {
    public static let module = "src/shop/catalog.py"

    public static let source = """
        def sku(name, number):
            prefix = name.strip().upper()[:3]
            return f"{prefix}-{number:03d}"


        def shelf(code):
            return code.split("-")[0]


        def price(cents):
            return cents / 100


        def label(name):
            return name.strip().title()


        def tag(amount, currency):
            value = round(amount, 2)
            unit = "cents"
            code = currency.upper()
            return value, code, unit

        """

    public static let skuNames = ["apple", "banana", "cherry", "damson", "elder", "fig"]
    // The tests of each function in detection's order (by id).
    public static var skuTests: [String] { skuNames.map { "tests/test_catalog.py::test_sku_\($0)" } }
    public static let priceTests = ["tests/test_catalog.py::test_price_cents", "tests/test_catalog.py::test_price_whole"]
    public static let labelTests = ["tests/test_catalog.py::test_label_title", "tests/test_catalog.py::test_label_trim"]
    public static let tagTests = ["tests/test_catalog.py::test_tag_code", "tests/test_catalog.py::test_tag_value"]

    public static var tests: String {
        var text = "from shop.catalog import label, price, shelf, sku, tag\n"
        for (index, name) in skuNames.enumerated() {
            text += "\n\ndef test_sku_\(name)():\n    assert sku(\" \(name) \", \(index + 1)) == \"\(name.uppercased().prefix(3))-00\(index + 1)\"\n"
        }
        text += """


            def test_shelf_one():
                assert shelf("A1-001") == "A1"


            def test_shelf_two():
                assert shelf("B2-002") == "B2"


            def test_price_whole():
                assert price(300) == 3


            def test_price_cents():
                assert price(250) == 2.5


            def test_label_trim():
                assert label("  tea ") == "Tea"


            def test_label_title():
                assert label("green tea") == "Green Tea"


            def test_tag_value():
                assert tag(1.234, "eur")[0] == 1.23


            def test_tag_code():
                assert tag(1, "eur")[1] == "EUR"

            """
        return text
    }

    public static var files: [String: String] {
        ["src/shop/__init__.py": "", module: source, "tests/test_catalog.py": tests]
    }

    /// The project, its baseline committed, every command it runs counted (`runs(of:)`).
    public static func project(coverage: Bool = true, extraFiles: [String: String] = [:]) throws -> PythonProject {
        try PythonProject(files: files.merging(extraFiles) { $1 }, coverage: coverage, countingRuns: true)
    }

    /// One changed line in `sku` that breaks its six tests: their own assertions fail, or —
    /// `raising` — an exception raised inside `sku` (the same signature in every test).
    public static func breakSKU(_ project: PythonProject, raising: Bool = false) throws {
        try project.replace(in: module, "name.strip().upper()[:3]",
                            with: raising ? "name.strip().upper()[:3] + number" : "name.strip().lower()[:3]")
    }

    /// Two independent regressions: `price` and `label` each break their two tests.
    public static func breakPriceAndLabel(_ project: PythonProject) throws {
        try project.replace(in: module, "cents / 100", with: "cents / 1000")
        try project.replace(in: module, "name.strip().title()", with: "name.strip().upper()")
    }

    /// Two changed lines of `tag`: `test_tag_value` needs the first reverted, `test_tag_code`
    /// the second; both tests run both.
    public static func breakTag(_ project: PythonProject) throws {
        try project.replace(in: module, "round(amount, 2)", with: "round(amount, 1)")
        try project.replace(in: module, "currency.upper()", with: "currency.lower()")
    }
}
