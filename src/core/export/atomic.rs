//! Files written atomically: the content goes to a temporary file in the same directory, is
//! flushed to disk, and only then renamed over the final name. An export interrupted at any
//! point (an error, a full disk, the process killed) therefore never leaves a half-written file
//! under the final name: either the old file is still there, or none. A temporary file left by
//! a killed process is hidden (`.links.csv.XXXXXX.tmp`) and harmless.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::error::ExportError;

/// The writer handed to the content callback.
pub type AtomicWriter<'a> = BufWriter<&'a mut File>;

/// Write `path` atomically: `write` fills the temporary file; nothing appears under `path`
/// unless it succeeds and the data are on disk.
pub fn write_atomically<F>(path: &Path, write: F) -> Result<(), ExportError>
where
    F: FnOnce(&mut AtomicWriter<'_>) -> Result<(), ExportError>,
{
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like any new file: readable by others as the umask allows (tempfile's default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(dir).map_err(|source| {
        ExportError::io(dir, "create a temporary file in this directory", source)
    })?;
    let temporary_path = temporary.path().to_path_buf();
    {
        let mut writer = BufWriter::with_capacity(1 << 16, temporary.as_file_mut());
        write(&mut writer)?;
        writer
            .flush()
            .map_err(|source| ExportError::io(&temporary_path, "write", source))?;
    }
    temporary
        .as_file()
        .sync_all()
        .map_err(|source| ExportError::io(&temporary_path, "flush to disk", source))?;
    temporary
        .persist(path)
        .map_err(|error| ExportError::io(path, "replace the file", error.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("links.csv");
        write_atomically(&path, |out| {
            out.write_all(b"old")
                .map_err(|e| ExportError::io("x", "write", e))
        })
        .unwrap();
        let result = write_atomically(&path, |out| {
            out.write_all(b"half of the new con")
                .map_err(|e| ExportError::io("x", "write", e))?;
            Err(ExportError::io(
                "x",
                "write",
                std::io::Error::other("interrupted"),
            ))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(entries(dir.path()), ["links.csv"]);
    }

    #[test]
    fn a_missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("links.csv");
        let error = write_atomically(&path, |_| Ok(())).unwrap_err();
        assert!(error.to_string().contains("missing"), "{error}");
        assert!(error.is_bad_input());
    }
}
