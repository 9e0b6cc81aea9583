//! The tables of a project on a PostgreSQL server: the same tables and columns as in a project
//! file (`schema.rs`), in a schema of its own named after the project (`ledgerlink_NAME`), so
//! that several projects live in one database. The format is kept in `meta` (`format`), as
//! `PRAGMA user_version` is in a file.

/// The prefix of a project's schema name.
pub const SCHEMA_PREFIX: &str = "ledgerlink_";

/// The `meta` key naming the format, and the one that marks a Ledgerlink schema.
pub const FORMAT_KEY: &str = "format";
/// The `meta` key that marks a schema as a Ledgerlink project.
pub const APPLICATION_KEY: &str = "application";

/// The schema of project `name`, quoted for SQL.
pub fn quoted_schema(name: &str) -> String {
    format!("\"{SCHEMA_PREFIX}{}\"", name.replace('"', ""))
}

/// The channel other windows listen on for changes to project `name`.
pub fn channel(name: &str) -> String {
    format!("{SCHEMA_PREFIX}{name}")
}

/// The tables of format 3 (the current one). `by` and `row` are quoted: PostgreSQL keeps them
/// as keywords.
pub const TABLES: &str = "
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE lists (
    side TEXT PRIMARY KEY CHECK (side IN ('crm', 'erp')),
    columns TEXT NOT NULL,
    report TEXT NOT NULL,
    mapping TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    generation BIGINT NOT NULL
);
CREATE TABLE records (
    side TEXT NOT NULL,
    \"row\" BIGINT NOT NULL,
    key TEXT NOT NULL,
    source_row BIGINT NOT NULL,
    hash BIGINT NOT NULL,
    cells BYTEA NOT NULL,
    PRIMARY KEY (side, \"row\")
);
CREATE UNIQUE INDEX records_by_key ON records (side, key);
CREATE TABLE missing_records (
    side TEXT NOT NULL,
    key TEXT NOT NULL,
    hash TEXT NOT NULL,
    content TEXT NOT NULL,
    missing_since TEXT NOT NULL,
    PRIMARY KEY (side, key)
);
CREATE TABLE suggestions (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('pair', 'alternative')),
    crm_key TEXT NOT NULL,
    erp_key TEXT NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    band TEXT NOT NULL,
    reason TEXT NOT NULL,
    contributions TEXT NOT NULL
);
CREATE TABLE duplicate_clusters (
    cluster BIGINT NOT NULL,
    position BIGINT NOT NULL,
    side TEXT NOT NULL,
    key TEXT NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (cluster, position)
);
CREATE TABLE xref_checks (
    position BIGINT PRIMARY KEY,
    crm_key TEXT NOT NULL,
    xref TEXT NOT NULL,
    status TEXT NOT NULL,
    suggested_erp_key TEXT
);
-- The append-only decision log; `seq` is given under the project's write lock (the next
-- number), so numbers follow commit order and other programs catch up by number.
CREATE TABLE log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    \"by\" TEXT NOT NULL,
    action TEXT NOT NULL,
    side_a TEXT,
    key_a TEXT,
    side_b TEXT,
    key_b TEXT,
    score DOUBLE PRECISION,
    note TEXT,
    hash_a TEXT,
    hash_b TEXT,
    target BIGINT,
    state BIGINT NOT NULL DEFAULT 0,
    batch BIGINT
);
CREATE INDEX log_undone ON log (state) WHERE state = 1;
CREATE TABLE assignments (
    kind TEXT NOT NULL CHECK (kind IN ('pair', 'cluster')),
    key_a TEXT NOT NULL,
    key_b TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (kind, key_a, key_b)
);
-- Who has the project open in a window: one row per listening connection (its server process
-- id); rows of connections that are gone are ignored and cleared.
CREATE TABLE presence (
    pid INTEGER PRIMARY KEY,
    reviewer TEXT NOT NULL,
    since TEXT NOT NULL
);
";
