//! Projects that cannot be written: refusing them up front for decisions, and opening them
//! read-only for `status` and `export` (an auditor's copy, a read-only share).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::error::ProjectError;
use super::schema;
use super::store::BUSY_TIMEOUT;

/// Open an existing project of the current format that cannot be written (a read-only copy, an
/// archive on a read-only share) for reading only. A write-ahead log left by a crash holds
/// decisions not yet in the main file; without it SQLite may need `immutable` mode to read a
/// file in a read-only folder, which is only safe when there is no log.
pub fn open_read_only(file: &Path) -> Result<Connection, ProjectError> {
    schema::check_file_header(file)?;
    let sqlite = |source| ProjectError::sqlite(file, "open the project for reading", source);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let plain = Connection::open_with_flags(file, flags)
        .and_then(|reader| reader.busy_timeout(BUSY_TIMEOUT).map(|()| reader))
        .map_err(sqlite)
        .and_then(|reader| schema::check_version(&reader, file).map(|version| (reader, version)));
    let (connection, version) = match plain {
        Ok(opened) => opened,
        Err(ProjectError::ReadOnly { .. } | ProjectError::Sqlite { .. })
            if has_hot_journal(file) =>
        {
            // Immutable mode would read the main file as the interrupted write left it.
            return Err(ProjectError::ReadOnly {
                file: file.to_path_buf(),
                detail: "a write was interrupted and its journal (the -journal file beside it) \
                         must be rolled back first: open the project once where its folder can \
                         be written, or copy the project together with its -journal file"
                    .to_string(),
            });
        }
        Err(ProjectError::ReadOnly { .. } | ProjectError::Sqlite { .. })
            if !schema::has_write_ahead_log(file) =>
        {
            let uri_flags = flags | OpenFlags::SQLITE_OPEN_URI;
            let reader =
                Connection::open_with_flags(immutable_uri(file), uri_flags).map_err(sqlite)?;
            let version = schema::check_version(&reader, file)?;
            (reader, version)
        }
        Err(error) => return Err(error),
    };
    if version < schema::SCHEMA_VERSION {
        return Err(ProjectError::ReadOnly {
            file: file.to_path_buf(),
            detail: format!(
                "it is in the older project format {version} and must be updated before it \
                 can be read"
            ),
        });
    }
    Ok(connection)
}

/// A rollback journal beside `file` (left by a writer that was killed mid-transaction).
fn has_hot_journal(file: &Path) -> bool {
    let mut journal = file.as_os_str().to_owned();
    journal.push("-journal");
    std::fs::metadata(Path::new(&journal)).is_ok_and(|meta| meta.len() > 0)
}

/// `file:` URI of `file` opened as immutable (percent-encoding what a URI path may not hold).
fn immutable_uri(file: &Path) -> String {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let mut uri = String::from("file:");
    for byte in absolute.to_string_lossy().bytes() {
        match byte {
            b'%' | b'?' | b'#' | b' ' | 0..=0x1f | 0x7f.. => uri.push_str(&format!("%{byte:02X}")),
            _ => uri.push(char::from(byte)),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Refuse a project whose file, or whose folder (where SQLite keeps its write-ahead log),
/// cannot be written: every decision would fail.
pub(super) fn check_writable(file: &Path) -> Result<(), ProjectError> {
    let read_only = |detail: &str| ProjectError::ReadOnly {
        file: file.to_path_buf(),
        detail: detail.to_string(),
    };
    let denied = |error: &std::io::Error| {
        matches!(
            error.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    };
    if let Err(error) = std::fs::OpenOptions::new().append(true).open(file)
        && denied(&error)
    {
        return Err(read_only("the file is read-only"));
    }
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let probe = tempfile::Builder::new()
        .prefix(".ledgerlink-write-check")
        .tempfile_in(folder);
    match probe {
        Err(error) if denied(&error) => Err(read_only("its folder is read-only")),
        _ => Ok(()),
    }
}
