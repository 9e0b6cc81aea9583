//! An export is a set: `links.csv` of one run beside `audit.csv` of another would tell the two
//! systems different stories. Every file of a run is therefore written into a hidden staging
//! folder inside the output folder (`.ledgerlink-export.PID.XXXXXX`, same file system), synced,
//! and only then moved over the old files one rename each; the manifest
//! [`MANIFEST_FILE`] comes last. It names the run and, per file, its size and a 64-bit FNV-1a
//! hash of its bytes, so anyone can tell which run each file belongs to: a failure or a kill
//! before the renames leaves the old set untouched, and the short rename phase is the only time
//! the folder can mix runs, which the manifest then reveals. Staging folders and temporary
//! files of killed runs are removed by the next export into that folder.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::ExportedFile;
use super::error::ExportError;

/// The manifest of the last complete export in a folder.
pub const MANIFEST_FILE: &str = "export_manifest.csv";

/// Prefix of the staging folders.
const STAGING_PREFIX: &str = ".ledgerlink-export.";

/// A staging folder for one export run; removed when dropped.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    stage: tempfile::TempDir,
}

impl Staging {
    /// Remove what killed runs left in `dir`, then make this run's staging folder.
    pub fn begin(dir: &Path) -> Result<Staging, ExportError> {
        remove_leftovers(dir);
        let stage = tempfile::Builder::new()
            .prefix(&format!("{STAGING_PREFIX}{}.", std::process::id()))
            .tempdir_in(dir)
            .map_err(|source| ExportError::io(dir, "create a staging folder in", source))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            stage,
        })
    }

    /// Where this run writes the file `name` before it is moved into place.
    pub fn path(&self, name: &str) -> PathBuf {
        self.stage.path().join(name)
    }

    /// Move every staged file into the output folder, then the manifest of `run`; the paths of
    /// `files` are updated to their final places.
    pub fn commit(self, files: &mut [ExportedFile], run: &str) -> Result<(), ExportError> {
        let manifest = manifest_text(files, run)?;
        let manifest_path = self.path(MANIFEST_FILE);
        std::fs::write(&manifest_path, manifest)
            .map_err(|source| ExportError::io(&manifest_path, "write", source))?;
        sync_file(&manifest_path)?;
        sync_dir(self.stage.path());
        for file in files.iter_mut() {
            let target = self.dir.join(file.name);
            std::fs::rename(&file.path, &target)
                .map_err(|source| ExportError::io(&target, "replace the file", source))?;
            file.path = target;
        }
        let target = self.dir.join(MANIFEST_FILE);
        std::fs::rename(&manifest_path, &target)
            .map_err(|source| ExportError::io(&target, "replace the file", source))?;
        sync_dir(&self.dir);
        Ok(())
    }
}

/// `file,rows,bytes,fnv64,run`, one line per file.
fn manifest_text(files: &[ExportedFile], run: &str) -> Result<String, ExportError> {
    let mut text = String::from("file,rows,bytes,fnv64,run\r\n");
    for file in files {
        let (bytes, hash) = fingerprint(&file.path)
            .map_err(|source| ExportError::io(&file.path, "read back", source))?;
        sync_file(&file.path)?;
        text.push_str(&format!(
            "{},{},{bytes},{hash:016x},{run}\r\n",
            file.name, file.rows
        ));
    }
    Ok(text)
}

/// The size and FNV-1a hash of a file's bytes.
pub fn fingerprint(path: &Path) -> io::Result<(u64, u64)> {
    let mut file = File::open(path)?;
    let mut buffer = vec![0u8; 1 << 16];
    let (mut size, mut hash) = (0u64, 0xcbf2_9ce4_8422_2325u64);
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok((size, hash));
        }
        size += read as u64;
        for &byte in &buffer[..read] {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The files of `dir` that do not match its manifest (name, and what is wrong); empty when
/// every file the manifest lists is the one its run wrote. `None` when there is no manifest.
pub fn check_manifest(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(MANIFEST_FILE)).ok()?;
    let mut wrong = Vec::new();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let [name, _rows, bytes, hash, ..] = fields[..] else {
            wrong.push(format!("{line}: not a manifest line"));
            continue;
        };
        match fingerprint(&dir.join(name)) {
            Ok((size, found)) if size.to_string() == bytes && format!("{found:016x}") == hash => {}
            Ok(_) => wrong.push(format!("{name}: not the file of this run")),
            Err(error) => wrong.push(format!("{name}: {error}")),
        }
    }
    Some(wrong)
}

fn sync_file(path: &Path) -> Result<(), ExportError> {
    File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|source| ExportError::io(path, "flush to disk", source))
}

/// Make renames in `dir` durable (where the platform allows syncing a folder).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Remove staging folders and hidden temporary files of runs that no longer run.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(rest) = name.strip_prefix(STAGING_PREFIX) {
            let owner = rest
                .split('.')
                .next()
                .and_then(|pid| pid.parse::<u32>().ok());
            if !owner.is_some_and(is_running) || is_stale(&path) {
                let _ = std::fs::remove_dir_all(&path);
            }
        } else if name.starts_with('.') && name.ends_with(".tmp") && is_stale(&path) {
            // `.links.csv.XXXXXX.tmp` of an atomic write (see `atomic`) that was killed.
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// True when a process `pid` exists (this one included).
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0 checks only whether the process exists (EPERM: it does, owned by another).
        // SAFETY: kill with signal 0 sends nothing; it has no memory-safety preconditions.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// A temporary file untouched for an hour: its writer is gone.
fn is_stale(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 3600)
}
