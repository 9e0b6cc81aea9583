//! Opening and creating project files, and reading and writing the lists and suggestions.
//!
//! Every connection runs with `synchronous = FULL`, so a decision is on disk when its
//! transaction commits, in WAL mode (or with a rollback journal on a folder shared by several
//! computers, see [`super::filesystem`]), and with a busy timeout, so that two programs writing at once wait
//! for each other instead of failing. A file is first checked without SQLite (its header);
//! the read-write connection then checks the format before anything else is written, and rolls
//! back a journal left hot by a writer that was killed mid-transaction.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, Transaction, params};

use crate::core::model::Side;

use super::error::ProjectError;
use super::filesystem::Journal;
pub(crate) use super::list_rows::{ListRow, StoredRecords};
use super::lists::{RecordList, encode_cells};
use super::schema;

/// How long a write waits for another program holding the project.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Open an existing project for reading and writing, after checking it is one and that it
/// can be written ([`ProjectError::ReadOnly`] otherwise).
pub fn open(file: &Path) -> Result<Connection, ProjectError> {
    schema::check_file_header(file)?;
    super::access::check_writable(file)?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match open_configured(file) {
            Err(ProjectError::Sqlite { source, .. })
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                // Leaving the write-ahead log needs the file to itself, but every program with
                // the file open in WAL mode holds a shared lock on it, ours included: SQLite
                // answers "database is locked" at once. Two programs switching a project to a
                // shared folder's journal together would wait for each other forever; each
                // closes its connection and tries again after a pause of its own.
                std::thread::sleep(jitter());
            }
            other => return other,
        }
    }
}

/// Open read-write, check the version, configure and migrate.
fn open_configured(file: &Path) -> Result<Connection, ProjectError> {
    // Read and write from the start: a rollback journal left hot by a writer killed
    // mid-transaction (on a shared folder) can only be rolled back by a connection that may
    // write; a read-only one would report the project as read-only and refuse every decision.
    // Reading the version writes nothing else, so a file of a newer format stays untouched.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut connection = Connection::open_with_flags(file, flags)
        .map_err(|source| ProjectError::sqlite(file, "open the project", source))?;
    connection
        .busy_timeout(BUSY_TIMEOUT)
        .map_err(|source| ProjectError::sqlite(file, "open the project", source))?;
    let version = schema::check_version(&connection, file)?;
    configure(&connection, file)?;
    if version < schema::SCHEMA_VERSION {
        schema::migrate(&mut connection, version, file)?;
    }
    Ok(connection)
}

/// A pause of 10 to 80 ms that differs between processes, so two waiting programs do not retry
/// in step.
fn jitter() -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.subsec_nanos());
    let spread = (nanos ^ std::process::id().wrapping_mul(2_654_435_761)) % 70;
    Duration::from_millis(10 + u64::from(spread))
}

/// Set the connection's durability and concurrency settings.
fn configure(connection: &Connection, file: &Path) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "set up the project file", source);
    connection.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    let journal = Journal::for_file(file);
    let mode: String = connection
        .pragma_update_and_check(None, "journal_mode", journal.pragma(), |row| row.get(0))
        .map_err(sqlite)?;
    if !mode.eq_ignore_ascii_case(journal.pragma()) {
        return Err(ProjectError::invalid(
            file,
            format!(
                "the project could not switch to journal mode {} (it is {mode}); close it in \
                 every other Ledgerlink and try again",
                journal.pragma()
            ),
        ));
    }
    connection
        .pragma_update(None, "synchronous", "FULL")
        .map_err(sqlite)?;
    connection
        .pragma_update(None, "cache_size", -65_536)
        .map_err(sqlite)?;
    Ok(())
}

/// Create a new project at `file` (which must not exist): `fill` writes its content in one
/// transaction into a temporary file next to it, which is then synced and renamed into place,
/// so a crash while creating never leaves a half-written project under the real name.
pub fn create(
    file: &Path,
    fill: impl FnOnce(&Transaction<'_>) -> Result<(), ProjectError>,
) -> Result<(), ProjectError> {
    if file.exists() {
        return Err(ProjectError::AlreadyExists {
            file: file.to_path_buf(),
        });
    }
    let temporary = temporary_name(file);
    remove_with_sidecars(&temporary);
    let result = create_at(&temporary, file, fill);
    if result.is_err() {
        remove_with_sidecars(&temporary);
    }
    result
}

fn create_at(
    temporary: &Path,
    file: &Path,
    fill: impl FnOnce(&Transaction<'_>) -> Result<(), ProjectError>,
) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "create the project", source);
    let io = |source| ProjectError::Io {
        file: file.to_path_buf(),
        action: "create the project",
        source,
    };
    {
        let mut connection = Connection::open(temporary).map_err(sqlite)?;
        connection
            .pragma_update(None, "journal_mode", "DELETE")
            .map_err(sqlite)?;
        schema::migrate(&mut connection, 0, file)?;
        let transaction = connection.transaction().map_err(sqlite)?;
        fill(&transaction)?;
        transaction.commit().map_err(sqlite)?;
        connection
            .pragma_update(None, "journal_mode", Journal::for_file(file).pragma())
            .map_err(sqlite)?;
        connection.close().map_err(|(_, source)| sqlite(source))?;
    }
    std::fs::File::open(temporary)
        .and_then(|handle| handle.sync_all())
        .map_err(io)?;
    if file.exists() {
        return Err(ProjectError::AlreadyExists {
            file: file.to_path_buf(),
        });
    }
    std::fs::rename(temporary, file).map_err(io)?;
    Ok(())
}

fn temporary_name(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(format!(".creating-{}", std::process::id()));
    PathBuf::from(name)
}

fn remove_with_sidecars(file: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        // Nothing to clean up is the usual case.
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Read a `meta` value.
pub fn meta(
    connection: &Connection,
    file: &Path,
    key: &str,
) -> Result<Option<String>, ProjectError> {
    let mut statement = connection
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")
        .map_err(|source| ProjectError::sqlite(file, "read the project settings", source))?;
    let mut rows = statement
        .query([key])
        .map_err(|source| ProjectError::sqlite(file, "read the project settings", source))?;
    match rows.next() {
        Ok(Some(row)) => row
            .get(0)
            .map(Some)
            .map_err(|source| ProjectError::sqlite(file, "read the project settings", source)),
        Ok(None) => Ok(None),
        Err(source) => Err(ProjectError::sqlite(
            file,
            "read the project settings",
            source,
        )),
    }
}

/// Write a `meta` value.
pub fn set_meta(
    connection: &Connection,
    file: &Path,
    key: &str,
    value: &str,
) -> Result<(), ProjectError> {
    connection
        .execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        .map(|_| ())
        .map_err(|source| ProjectError::sqlite(file, "write the project settings", source))
}

/// Write a list: its description and every record, replacing what the side held.
pub fn write_list(
    connection: &Connection,
    file: &Path,
    list: &RecordList,
) -> Result<(), ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "store the imported list", source);
    let header = ListRow::of(file, list)?;
    let side = list.side.as_str();
    connection
        .execute(
            "INSERT OR REPLACE INTO lists (side, columns, report, mapping, imported_at, imported_by, generation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                side,
                header.columns,
                header.report,
                header.mapping,
                header.imported_at,
                header.imported_by,
                header.generation
            ],
        )
        .map_err(sqlite)?;
    connection
        .execute("DELETE FROM records WHERE side = ?1", [side])
        .map_err(sqlite)?;
    let mut insert = connection
        .prepare_cached(
            "INSERT INTO records (side, row, key, source_row, hash, cells) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sqlite)?;
    let mut bytes = Vec::new();
    for row in 0..list.len() {
        let Some(record) = list.record_at(row) else {
            continue;
        };
        encode_cells(list.dataset.cells.row(row), &mut bytes);
        insert
            .execute(params![
                side,
                row as i64,
                record.key(),
                record.source_row() as i64,
                record.hash().0 as i64,
                bytes
            ])
            .map_err(sqlite)?;
    }
    Ok(())
}

/// Read the list of `side`.
pub fn load_list(
    connection: &Connection,
    file: &Path,
    side: Side,
) -> Result<RecordList, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the imported lists", source);
    let header = connection
        .query_row(
            "SELECT columns, report, mapping, imported_at, imported_by, generation FROM lists WHERE side = ?1",
            [side.as_str()],
            |row| {
                Ok(ListRow {
                    columns: row.get(0)?,
                    report: row.get(1)?,
                    mapping: row.get(2)?,
                    imported_at: row.get(3)?,
                    imported_by: row.get(4)?,
                    generation: row.get(5)?,
                })
            },
        )
        .map_err(sqlite)?;
    let width = header.column_count(file, side)?;
    let records = load_records(connection, file, side, width)?;
    header.into_list(file, side, records)
}

fn load_records(
    connection: &Connection,
    file: &Path,
    side: Side,
    width: usize,
) -> Result<StoredRecords, ProjectError> {
    let sqlite = |source| ProjectError::sqlite(file, "read the imported lists", source);
    let mut records = StoredRecords::new(width);
    let mut statement = connection
        .prepare_cached(
            "SELECT row, key, source_row, hash, cells FROM records WHERE side = ?1 ORDER BY row",
        )
        .map_err(sqlite)?;
    let mut rows = statement.query([side.as_str()]).map_err(sqlite)?;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let blob = row
            .get_ref(4)
            .map_err(sqlite)?
            .as_blob()
            .map_err(|e| sqlite(e.into()))?;
        let fields = (
            row.get(0).map_err(sqlite)?,
            row.get(1).map_err(sqlite)?,
            row.get(2).map_err(sqlite)?,
            row.get(3).map_err(sqlite)?,
        );
        records.push((file, side), fields, blob)?;
    }
    Ok(records)
}
