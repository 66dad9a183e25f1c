/// The PostgreSQL schema: the same tables, columns and constraints as `SQLiteSchema`, in
/// PostgreSQL's dialect. Migrations are numbered and recorded in `heal_schema_migrations`.
enum PostgresSchema {
    /// A key for `pg_advisory_xact_lock` that serialises migrations across processes.
    static let migrationLock: Int64 = 0x6865_616C_0001

    /// Each migration's statements, in order; index + 1 is its version.
    static let migrations: [[String]] = [
        [
            "CREATE TABLE heal_repositories (id TEXT PRIMARY KEY)",
            """
            CREATE TABLE heal_breakers (
                repository TEXT NOT NULL,
                test TEXT NOT NULL,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                opened_at DOUBLE PRECISION,
                updated_at DOUBLE PRECISION,
                PRIMARY KEY (repository, test))
            """,
            """
            CREATE TABLE heal_attempts (
                id BIGSERIAL PRIMARY KEY,
                repository TEXT NOT NULL,
                test TEXT NOT NULL,
                number INTEGER NOT NULL,
                run_id BIGINT,
                agent TEXT,
                branch TEXT,
                outcome TEXT,
                reason TEXT,
                started_at DOUBLE PRECISION NOT NULL,
                finished_at DOUBLE PRECISION,
                UNIQUE (repository, test, number))
            """,
            "CREATE INDEX heal_attempts_by_time ON heal_attempts (repository, started_at)",
            "CREATE INDEX heal_attempts_by_run ON heal_attempts (run_id)",
            """
            CREATE TABLE heal_runs (
                id BIGSERIAL PRIMARY KEY,
                repository TEXT NOT NULL,
                before_commit TEXT NOT NULL,
                after_commit TEXT NOT NULL,
                detected_at DOUBLE PRECISION NOT NULL,
                staged_at DOUBLE PRECISION,
                finished_at DOUBLE PRECISION,
                regressions INTEGER NOT NULL DEFAULT 0,
                introduced INTEGER NOT NULL DEFAULT 0,
                dispatched INTEGER NOT NULL DEFAULT 0,
                staged INTEGER NOT NULL DEFAULT 0,
                escalated INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX heal_runs_by_repository ON heal_runs (repository, id)",
            """
            CREATE TABLE heal_test_observations (
                id BIGSERIAL PRIMARY KEY,
                repository TEXT NOT NULL,
                test TEXT NOT NULL,
                commit_id TEXT NOT NULL,
                passes INTEGER NOT NULL,
                failures INTEGER NOT NULL,
                observed_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX heal_test_observations_by_test ON heal_test_observations (repository, test)",
            """
            CREATE TABLE heal_suite_results (
                tree_id TEXT NOT NULL,
                command TEXT NOT NULL,
                format TEXT NOT NULL,
                payload BYTEA NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (tree_id, command))
            """,
            """
            CREATE TABLE heal_tickets (
                repository TEXT NOT NULL,
                test TEXT NOT NULL,
                path TEXT NOT NULL,
                url TEXT,
                reason TEXT NOT NULL,
                opened_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL,
                closed_at DOUBLE PRECISION,
                PRIMARY KEY (repository, test))
            """,
        ],
        // An attempt on a cause of several tests is one row per test's key, all pointing at the
        // representative's row: the budgets count claims, the breakers count every key.
        [
            "ALTER TABLE heal_attempts ADD COLUMN claim_id BIGINT",
            "CREATE INDEX heal_attempts_by_claim ON heal_attempts (claim_id)",
        ],
    ]
}
