import Foundation

/// A small real Python web service in a temp git repository, for the error-log grader: its
/// handlers raise real exceptions, and a load generator outside the repository runs a release
/// of it (exported like a deploy, under server paths that are not the repository's) and logs
/// through Python's `logging` with python-json-logger's JSON formatter.
///
/// History: `before` (the baseline), then a deploy of three commits — `docs` (README only),
/// `refactor` (pricing: quantities are now required, so orders whose items carry none raise
/// `KeyError` in `line_total`), `health` (handlers.py: a change far from `get_user`) — ending at
/// `after`. The database driver `pgdriver` is third-party code installed in the server's
/// site-packages; how often it fails is the load generator's knob, not the deploy's.
public final class ErrorService: @unchecked Sendable {
    public let project: PythonProject
    public let before: String
    public let docs: String
    public let refactor: String
    public let health: String
    public var after: String { health }
    /// The server's root, outside the repository: releases and the driver's site-packages.
    public let server: String

    /// The innermost in-repository frame of the deploy's new error, and where the driver fails.
    public static let newError = "KeyError at src/shop/pricing.py:line_total"
    public static let driverSpike = "pgdriver.OperationalError at src/shop/db.py:query"
    public static let steady = "ValueError at src/shop/handlers.py:get_user"

    public init() throws {
        project = try PythonProject(files: Self.baseline, coverage: false)
        before = try project.repo.head()
        try project.write("README.md", "# shop\n\nA shop service.\n")
        docs = try project.commit("docs: say what the service is")
        try project.write("src/shop/pricing.py", Self.refactoredPricing)
        refactor = try project.commit("pricing: compute line totals in one place")
        try project.replace(in: "src/shop/handlers.py", "    return \"ok\"\n", with: "    return {\"status\": \"ok\"}\n")
        health = try project.commit("health: answer with a JSON object")
        server = try TempDir.make(prefix: "srv-shop")
        let driver = server + "/venv/lib/python3/site-packages/pgdriver"
        try FileManager.default.createDirectory(atPath: driver, withIntermediateDirectories: true)
        try Self.driver.write(toFile: driver + "/__init__.py", atomically: true, encoding: .utf8)
        try Self.load.write(toFile: server + "/load.py", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: server) }

    public var path: String { project.path }

    /// Deploys `revision` to `<server>/releases/<short sha>` and runs traffic through it: one
    /// request every 36 s of simulated time from `start` for `hours`, the driver failing on
    /// every `driverFailEvery`-th query. Returns the JSON Lines log file written.
    @discardableResult
    public func serve(_ revision: String, start: Date, hours: Double, driverFailEvery: Int, log: String) throws -> String {
        let release = server + "/releases/" + String(revision.prefix(7))
        if !FileManager.default.fileExists(atPath: release) {
            try FileManager.default.createDirectory(atPath: release, withIntermediateDirectories: true)
            let archive = server + "/release.tar"
            try project.repo.git("archive", "-o", archive, revision)
            try Shell.check(["tar", "-xf", archive, "-C", release])
            try FileManager.default.removeItem(atPath: archive)
        }
        try Shell.check(["python3", server + "/load.py", release, server + "/venv/lib/python3/site-packages",
                         String(start.timeIntervalSince1970), String(hours), String(driverFailEvery), log],
                        environment: ["TZ": "UTC", "PYTHONDONTWRITEBYTECODE": "1"])
        return log
    }

    /// When the simulated baseline day starts.
    public static let start = Date(timeIntervalSince1970: 1_714_564_800)

    /// A day of `before` (the driver failing on every 50th query) and then an hour of `deploy`
    /// (failing on every `driverFailEvery`-th) served, as `before.jsonl` and `after.jsonl` in a
    /// new directory, which the caller removes.
    public func servedLogs(deploy: String, driverFailEvery: Int) throws -> String {
        let logs = try TempDir.make(prefix: "shop-logs")
        try serve(before, start: Self.start, hours: 24, driverFailEvery: 50, log: logs + "/before.jsonl")
        try serve(deploy, start: Self.start.addingTimeInterval(86_400), hours: 1, driverFailEvery: driverFailEvery,
                  log: logs + "/after.jsonl")
        return logs
    }

    public static let baseline: [String: String] = [
        "src/shop/__init__.py": "",
        "src/shop/pricing.py": """
            def total(order):
                \"\"\"The order's total in cents.\"\"\"
                return sum(item["price"] * item.get("qty", 1) for item in order["items"])

            """,
        "src/shop/db.py": """
            def query(sql, *args):
                import pgdriver  # the server's driver; tests never reach the database

                with pgdriver.connect() as connection:
                    return connection.execute(sql, *args)

            """,
        "src/shop/handlers.py": """
            from shop import db, pricing


            def get_user(user_id):
                if not str(user_id).isdigit():
                    raise ValueError("invalid user id %r" % (user_id,))
                return db.query("select * from users where id = %s", user_id)


            def get_order(order):
                return {"total": pricing.total(order)}


            def health(_):
                return "ok"

            """,
        "src/shop/app.py": """
            import logging

            try:
                from pythonjsonlogger.json import JsonFormatter
            except ImportError:  # python-json-logger before 3.1
                from pythonjsonlogger.jsonlogger import JsonFormatter

            from shop import handlers

            log = logging.getLogger("shop")


            def configure(stream):
                handler = logging.StreamHandler(stream)
                handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
                log.addHandler(handler)
                log.setLevel(logging.INFO)


            def handle(kind, payload, user=None, authorization=None):
                try:
                    result = getattr(handlers, kind)(payload)
                except Exception:
                    log.exception("request %s failed for %s (authorization: %s)", kind, user, authorization)
                    return None
                log.info("handled %s", kind)
                return result

            """,
        "tests/test_pricing.py": """
            from shop import pricing


            def test_total_multiplies_quantities():
                assert pricing.total({"items": [{"price": 250, "qty": 2}, {"price": 100, "qty": 1}]}) == 600

            """,
        "tests/test_handlers.py": """
            import pytest
            from shop import handlers


            def test_invalid_user_ids_are_rejected():
                with pytest.raises(ValueError):
                    handlers.get_user("abc")

            """,
    ]

    public static let refactoredPricing = """
        def line_total(item):
            return item["price"] * item["qty"]


        def total(order):
            \"\"\"The order's total in cents.\"\"\"
            return sum(line_total(item) for item in order["items"])

        """

    /// Third-party code the deploy never touches: fails on every n-th query.
    static let driver = """
        import os


        class OperationalError(Exception):
            pass


        _queries = 0


        class Connection:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def execute(self, sql, *args):
                global _queries
                _queries += 1
                if _queries % int(os.environ.get("PGDRIVER_FAIL_EVERY", "1000000")) == 0:
                    raise OperationalError("server closed the connection unexpectedly (%s, query %d)"
                                           % (os.environ["DATABASE_URL"], _queries))
                return [{"id": args[0] if args else None}]


        def connect():
            return Connection()

        """

    /// What the service's logs leak, as real ones do: the database password (in the driver's
    /// error message, inside the connection URL), a customer's e-mail address and a bearer token
    /// (in the message of the failing order requests). None may leave heal unredacted.
    public static let secrets = ["hunter2-pw-8c1f", "alice.liddell@example.com",
                                 "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA"]

    /// The load generator: twenty request kinds in a fixed rotation, one request every 36 s of
    /// simulated time (the log records carry the simulated clock).
    static let load = """
        import logging, os, sys

        release, site, start, hours, fail_every, out = sys.argv[1:7]
        sys.path[:0] = [release + "/src", site]
        os.environ["PGDRIVER_FAIL_EVERY"] = fail_every
        os.environ["DATABASE_URL"] = "postgres://shop:%s@db.internal:5432/shop" % "\(secrets[0])"
        from shop import app

        clock = [float(start)]


        class SimulatedClock(logging.Filter):
            def filter(self, record):
                record.created = clock[0]
                record.msecs = 0
                return True


        app.log.addFilter(SimulatedClock())
        with open(out, "a") as stream:
            app.configure(stream)
            for i in range(int(float(hours) * 100)):
                clock[0] = float(start) + 36 * i
                slot = i % 20
                if slot < 8:
                    app.handle("get_order", {"items": [{"price": 250, "qty": 2}, {"price": 100, "qty": 1}]})
                elif slot < 10:
                    app.handle("get_order", {"items": [{"price": 999}]}, user="\(secrets[1])",
                           authorization="Bearer \(secrets[2])")
                elif slot < 15:
                    app.handle("get_user", i)
                elif slot == 15:
                    app.handle("get_user", "u-%d" % i)
                else:
                    app.handle("health", None)

        """
}
