import GRDB

/// The SQLite schema as GRDB migrations. `PostgresSchema` holds the same tables, columns and
/// constraints in PostgreSQL's dialect; a change here needs the same change there.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE heal_repositories (id TEXT PRIMARY KEY);
                CREATE TABLE heal_breakers (
                    repository TEXT NOT NULL,
                    test TEXT NOT NULL,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    opened_at REAL,
                    updated_at REAL,
                    PRIMARY KEY (repository, test));
                CREATE TABLE heal_attempts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repository TEXT NOT NULL,
                    test TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    run_id INTEGER,
                    agent TEXT,
                    branch TEXT,
                    outcome TEXT,
                    reason TEXT,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    UNIQUE (repository, test, number));
                CREATE INDEX heal_attempts_by_time ON heal_attempts (repository, started_at);
                CREATE INDEX heal_attempts_by_run ON heal_attempts (run_id);
                CREATE TABLE heal_runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repository TEXT NOT NULL,
                    before_commit TEXT NOT NULL,
                    after_commit TEXT NOT NULL,
                    detected_at REAL NOT NULL,
                    staged_at REAL,
                    finished_at REAL,
                    regressions INTEGER NOT NULL DEFAULT 0,
                    introduced INTEGER NOT NULL DEFAULT 0,
                    dispatched INTEGER NOT NULL DEFAULT 0,
                    staged INTEGER NOT NULL DEFAULT 0,
                    escalated INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX heal_runs_by_repository ON heal_runs (repository, id);
                CREATE TABLE heal_test_observations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repository TEXT NOT NULL,
                    test TEXT NOT NULL,
                    commit_id TEXT NOT NULL,
                    passes INTEGER NOT NULL,
                    failures INTEGER NOT NULL,
                    observed_at REAL NOT NULL);
                CREATE INDEX heal_test_observations_by_test ON heal_test_observations (repository, test);
                CREATE TABLE heal_suite_results (
                    tree_id TEXT NOT NULL,
                    command TEXT NOT NULL,
                    format TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    created_at REAL NOT NULL,
                    PRIMARY KEY (tree_id, command));
                CREATE TABLE heal_tickets (
                    repository TEXT NOT NULL,
                    test TEXT NOT NULL,
                    path TEXT NOT NULL,
                    url TEXT,
                    reason TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    closed_at REAL,
                    PRIMARY KEY (repository, test));
                """)
        }
        // An attempt on a cause of several tests is one row per test's key, all pointing at the
        // representative's row: the budgets count claims, the breakers count every key.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE heal_attempts ADD COLUMN claim_id INTEGER;
                CREATE INDEX heal_attempts_by_claim ON heal_attempts (claim_id);
                """)
        }
        return migrator
    }
}
