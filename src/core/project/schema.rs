//! The layout of a project file: tables, format version (`PRAGMA user_version`), forward
//! migrations, and the checks that tell a project from any other file before anything is
//! written to it.
//!
//! A project is marked with `PRAGMA application_id` = [`APPLICATION_ID`]. A file of a newer
//! format is refused and never altered; an older one is migrated forward, one step at a time,
//! inside a single transaction.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::error::ProjectError;

/// `PRAGMA application_id` of a Ledgerlink project: "LLNK".
pub const APPLICATION_ID: i64 = 0x4C4C_4E4B;

/// The newest project format this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `MIGRATIONS[n]` takes a file from format `n` to format `n + 1` (format 0 is an empty file).
const MIGRATIONS: &[&str] = &[FORMAT_1, FORMAT_2, FORMAT_3];

/// Format 1: the lists, the suggestions and the decision log.
const FORMAT_1: &str = "
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per side: how the list was read and mapped.
CREATE TABLE lists (
    side TEXT PRIMARY KEY CHECK (side IN ('crm', 'erp')),
    columns TEXT NOT NULL,          -- JSON [{name, role}]
    report TEXT NOT NULL,           -- JSON ImportReport
    mapping TEXT NOT NULL,          -- JSON [\"role=column\", ...] as given by the user
    imported_at TEXT NOT NULL,      -- UTC
    imported_by TEXT NOT NULL,
    generation INTEGER NOT NULL     -- 1 at creation, +1 at every re-import
);

-- Every imported row, every cell exactly as read.
CREATE TABLE records (
    side TEXT NOT NULL,
    row INTEGER NOT NULL,           -- 0-based data row
    key TEXT NOT NULL,              -- the id decisions refer to (see lists.rs)
    source_row INTEGER NOT NULL,    -- 1-based row in the source file
    hash INTEGER NOT NULL,          -- content hash (hash.rs), as a signed 64-bit integer
    cells BLOB NOT NULL,            -- cells: varint byte length + UTF-8 text, per column
    PRIMARY KEY (side, row)
) WITHOUT ROWID;
CREATE UNIQUE INDEX records_by_key ON records (side, key);

-- Records that disappeared at a re-import: their last content, as a JSON object of header ->
-- value, so the audit log can still show what was decided about.
CREATE TABLE missing_records (
    side TEXT NOT NULL,
    key TEXT NOT NULL,
    hash TEXT NOT NULL,
    content TEXT NOT NULL,
    missing_since TEXT NOT NULL,
    PRIMARY KEY (side, key)
) WITHOUT ROWID;

CREATE TABLE suggestions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('pair', 'alternative')),
    crm_key TEXT NOT NULL,
    erp_key TEXT NOT NULL,
    probability REAL NOT NULL,
    band TEXT NOT NULL,
    reason TEXT NOT NULL,
    contributions TEXT NOT NULL     -- JSON [{field, level, weight}]
);

CREATE TABLE duplicate_clusters (
    cluster INTEGER NOT NULL,
    position INTEGER NOT NULL,      -- 0 is the suggested master
    side TEXT NOT NULL,
    key TEXT NOT NULL,
    probability REAL NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (cluster, position)
) WITHOUT ROWID;

CREATE TABLE xref_checks (
    crm_key TEXT NOT NULL,
    xref TEXT NOT NULL,
    status TEXT NOT NULL,
    suggested_erp_key TEXT
);

-- The append-only decision log. Rows are never deleted and their content never changes; only
-- `state` moves when a decision is undone, redone, or dropped from the redo branch.
CREATE TABLE log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,               -- UTC
    by TEXT NOT NULL,
    action TEXT NOT NULL,           -- a decision kind, or undo / redo / reimport
    side_a TEXT,
    key_a TEXT,
    side_b TEXT,
    key_b TEXT,
    score REAL,                     -- the suggestion's probability at the time
    note TEXT,
    hash_a TEXT,
    hash_b TEXT,
    target INTEGER,                 -- undo / redo: the decision's seq
    state INTEGER NOT NULL DEFAULT 0  -- 0 in effect, 1 undone, 2 undone and dropped
);
CREATE INDEX log_undone ON log (state) WHERE state = 1;
";

/// Format 2: every log entry names its batch, the decisions taken together (a bulk accept, an
/// `apply-review` run) that undo and redo move as one. A batch is numbered by the `seq` of its
/// first decision; an undo or redo entry carries the batch of the decision it moved. Decisions
/// of format 1 are each their own batch.
const FORMAT_2: &str = "
ALTER TABLE log ADD COLUMN batch INTEGER;
UPDATE log SET batch = seq WHERE target IS NULL AND action <> 'reimport';
UPDATE log SET batch = target WHERE target IS NOT NULL;
";

/// Format 3: who reviews which open pair or duplicate cluster (see `assignments.rs`). Each
/// assignment is also logged (action `assign`), so other programs pick it up.
const FORMAT_3: &str = "
CREATE TABLE assignments (
    kind TEXT NOT NULL CHECK (kind IN ('pair', 'cluster')),
    key_a TEXT NOT NULL,            -- a pair's CRM key; a cluster's list
    key_b TEXT NOT NULL,            -- a pair's ERP key; a cluster's first member
    reviewer TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL,      -- UTC
    PRIMARY KEY (kind, key_a, key_b)
) WITHOUT ROWID;
";

/// The 16 bytes every SQLite file starts with.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// Size of the SQLite file header.
const HEADER_BYTES: usize = 100;

/// Check a file's header without SQLite: it must be an SQLite database that is as long as its
/// header says (unless a write-ahead log still holds pages for it).
pub fn check_file_header(file: &Path) -> Result<(), ProjectError> {
    let io_error = |source| ProjectError::Io {
        file: file.to_path_buf(),
        action: "read the project file",
        source,
    };
    let mut handle = std::fs::File::open(file).map_err(io_error)?;
    let length = handle.metadata().map_err(io_error)?.len();
    if length == 0 {
        return Err(not_a_project(file, "the file is empty"));
    }
    let mut header = Vec::with_capacity(HEADER_BYTES);
    (&mut handle)
        .take(HEADER_BYTES as u64)
        .read_to_end(&mut header)
        .map_err(io_error)?;
    if header.len() < HEADER_BYTES || !header.starts_with(SQLITE_MAGIC) {
        return Err(not_a_project(file, "it is not an SQLite database"));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let expected = page_size * page_count;
    if change_counter == valid_for && length < expected && !has_write_ahead_log(file) {
        return Err(ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: format!("truncated: {length} bytes of {expected}"),
        });
    }
    Ok(())
}

/// True when the file begins with the SQLite header (false when it cannot be read).
pub(crate) fn starts_like_sqlite(file: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(file)
        .and_then(|mut handle| handle.read_exact(&mut header))
        .is_ok_and(|()| &header == SQLITE_MAGIC)
}

/// True when `file` has a non-empty write-ahead log beside it (decisions not yet in the file).
pub(crate) fn has_write_ahead_log(file: &Path) -> bool {
    let mut wal = file.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|meta| meta.len() > 0)
}

fn not_a_project(file: &Path, detail: &str) -> ProjectError {
    ProjectError::NotAProject {
        file: file.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// Read the format version of an open file and check it is a project this build can open:
/// returns the file's version (older ones still need [`migrate`]).
pub fn check_version(connection: &Connection, file: &Path) -> Result<i64, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the project format", source);
    let application_id: i64 = connection
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(sqlite)?;
    let version: i64 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sqlite)?;
    if application_id != APPLICATION_ID {
        let detail = if application_id == 0 && version == 0 {
            "it is an SQLite database of another program (or an empty one)".to_string()
        } else {
            format!(
                "it is an SQLite database of another program (application id {application_id:#x})"
            )
        };
        return Err(not_a_project(file, &detail));
    }
    if version > SCHEMA_VERSION {
        return Err(ProjectError::NewerVersion {
            file: file.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: format!("unknown project format {version}"),
        });
    }
    let tables: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'lists', 'log')",
            [],
            |row| row.get(0),
        )
        .map_err(|source| ProjectError::sqlite(file, "read the project's tables", source))?;
    if tables != 3 {
        return Err(ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: "tables of the project are missing".to_string(),
        });
    }
    check_structure(connection, file)?;
    Ok(version)
}

/// SQLite's `quick_check`: every page of every table and index is readable and well formed.
fn check_structure(connection: &Connection, file: &Path) -> Result<(), ProjectError> {
    let mut problems = Vec::new();
    connection
        .pragma_query(None, "quick_check", |row| {
            let line: String = row.get(0)?;
            if line != "ok" && problems.len() < 3 {
                problems.push(line);
            }
            Ok(())
        })
        .map_err(|source| ProjectError::sqlite(file, "check the project file", source))?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ProjectError::Corrupt {
            file: file.to_path_buf(),
            detail: problems.join("; "),
        })
    }
}

/// Bring a file of format `from` up to [`SCHEMA_VERSION`] (format 0: a new, empty file), all
/// steps in one transaction so that a failure leaves the file as it was.
pub fn migrate(connection: &mut Connection, from: i64, file: &Path) -> Result<(), ProjectError> {
    run_migrations(connection, from, MIGRATIONS)
        .map_err(|source| ProjectError::sqlite(file, "update the project format", source))
}

fn run_migrations(connection: &mut Connection, from: i64, steps: &[&str]) -> rusqlite::Result<()> {
    let transaction = connection.transaction()?;
    let first = usize::try_from(from).unwrap_or(0);
    for step in steps.iter().skip(first) {
        transaction.execute_batch(step)?;
    }
    transaction.pragma_update(None, "application_id", APPLICATION_ID)?;
    transaction.pragma_update(None, "user_version", steps.len() as i64)?;
    transaction.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_from_the_file_version_onwards() {
        let mut connection = Connection::open_in_memory().unwrap();
        let steps = [
            "CREATE TABLE a (x);",
            "ALTER TABLE a ADD COLUMN y;",
            "CREATE TABLE b (z);",
        ];
        run_migrations(&mut connection, 0, &steps[..2]).unwrap();
        connection
            .execute("INSERT INTO a VALUES (1, 2)", [])
            .unwrap();
        run_migrations(&mut connection, 2, &steps).unwrap();
        let version: i64 = connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, 3);
        let kept: i64 = connection
            .query_row("SELECT y FROM a", [], |row| row.get(0))
            .unwrap();
        assert_eq!(kept, 2);
        connection.execute("INSERT INTO b VALUES (3)", []).unwrap();
    }

    #[test]
    fn a_failing_step_leaves_the_file_at_its_version() {
        let mut connection = Connection::open_in_memory().unwrap();
        run_migrations(&mut connection, 0, &["CREATE TABLE a (x);"]).unwrap();
        assert!(run_migrations(&mut connection, 1, &["CREATE TABLE a (x);", "nonsense"]).is_err());
        let version: i64 = connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, 1);
    }
}
