//! Where the project file lives decides how SQLite may keep its journal.
//!
//! The write-ahead log (WAL) needs memory shared between every program that opens the file, so
//! it only works when they all run on one computer. Two laptops opening one project on a shared
//! folder (SMB/CIFS, NFS, AFP, WebDAV) would each keep their own view of the log and could
//! damage the file. On a network file system the project therefore uses SQLite's rollback
//! journal, which relies only on file locks: slower per decision, but safe for several
//! computers. `LEDGERLINK_SHARED_FOLDER=1` asks for the same where detection cannot tell (a
//! share mounted through FUSE, for instance); `LEDGERLINK_SHARED_FOLDER=0` turns it off.
//!
//! The core does not read the environment: the program reads the variable once at start and
//! passes what it says to [`set_shared_folder`].

use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

/// The environment variable that overrides the detection: `1` shared, `0` local.
pub const SHARED_FOLDER_ENV: &str = "LEDGERLINK_SHARED_FOLDER";

/// Whether project files lie on a folder that several computers share, as the user says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SharedFolder {
    /// Ask the file system of each project's folder.
    #[default]
    Detect,
    /// Shared: always the rollback journal.
    Shared,
    /// Local: always the write-ahead log.
    Local,
}

impl SharedFolder {
    /// What a value of [`SHARED_FOLDER_ENV`] asks for: `1` shared, `0` local, anything else
    /// (or no value) detect.
    pub fn from_env_value(value: Option<&str>) -> SharedFolder {
        match value.map(str::trim) {
            Some("1") => SharedFolder::Shared,
            Some("0") => SharedFolder::Local,
            _ => SharedFolder::Detect,
        }
    }

    fn code(self) -> u8 {
        match self {
            SharedFolder::Detect => 0,
            SharedFolder::Shared => 1,
            SharedFolder::Local => 2,
        }
    }

    fn from_code(code: u8) -> SharedFolder {
        match code {
            1 => SharedFolder::Shared,
            2 => SharedFolder::Local,
            _ => SharedFolder::Detect,
        }
    }
}

/// The process's [`SharedFolder`] setting, as a [`SharedFolder::code`].
static SHARED_FOLDER: AtomicU8 = AtomicU8::new(0);

/// Say, for the whole process, whether project files lie on a shared folder (the programs
/// pass what [`SHARED_FOLDER_ENV`] says, once at start). Until then: [`SharedFolder::Detect`].
pub fn set_shared_folder(setting: SharedFolder) {
    SHARED_FOLDER.store(setting.code(), Ordering::Relaxed);
}

/// The setting given to [`set_shared_folder`].
pub fn shared_folder() -> SharedFolder {
    SharedFolder::from_code(SHARED_FOLDER.load(Ordering::Relaxed))
}

/// How SQLite journals the project's transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Journal {
    /// Write-ahead log: fast, for a file that only programs on one computer open.
    WriteAheadLog,
    /// Rollback journal: for a file on a folder that several computers share.
    Rollback,
}

impl Journal {
    /// The journal for a project at `file`: rollback on a network file system (or when
    /// [`set_shared_folder`] said so), else the write-ahead log.
    pub fn for_file(file: &Path) -> Journal {
        let shared = match shared_folder() {
            SharedFolder::Shared => true,
            SharedFolder::Local => false,
            SharedFolder::Detect => on_network_file_system(file),
        };
        if shared {
            Journal::Rollback
        } else {
            Journal::WriteAheadLog
        }
    }

    /// The value of SQLite's `journal_mode` pragma.
    pub fn pragma(self) -> &'static str {
        match self {
            Journal::WriteAheadLog => "wal",
            Journal::Rollback => "delete",
        }
    }
}

/// The folder holding `file` (the file may not exist yet).
fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `statfs` of the folder holding `file`; `None` when the call fails.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn folder_statfs(file: &Path) -> Option<libc::statfs> {
    use std::os::unix::ffi::OsStrExt;
    let folder = std::ffi::CString::new(folder_of(file).as_os_str().as_bytes()).ok()?;
    // SAFETY: `folder` is a valid NUL-terminated path and `info` a properly sized, writable
    // statfs buffer that the call fills in (all-zero bytes are a valid `statfs`).
    unsafe {
        let mut info: libc::statfs = std::mem::zeroed();
        (libc::statfs(folder.as_ptr(), &mut info) == 0).then_some(info)
    }
}

/// True when `file`'s folder is on a network file system.
#[cfg(target_os = "linux")]
pub fn on_network_file_system(file: &Path) -> bool {
    // `f_type` is i64 here but a narrower integer on other Linux targets.
    #[allow(clippy::useless_conversion)]
    folder_statfs(file).is_some_and(|info| is_network_magic(i64::from(info.f_type)))
}

/// True for the Linux `statfs` magic numbers of network file systems.
pub fn is_network_magic(magic: i64) -> bool {
    const NETWORK: [i64; 8] = [
        0x6969,      // NFS
        0x517B,      // SMB
        0xFF53_4D42, // CIFS
        0xFE53_4D42, // SMB2/3
        0x5346_414F, // AFS
        0x7375_7245, // Coda
        0x564C,      // NCP (NetWare)
        0x0102_1997, // 9P (also WSL's Windows drives)
    ];
    NETWORK.contains(&(magic & 0xFFFF_FFFF))
}

/// True when `file`'s folder is on a network file system.
#[cfg(target_os = "macos")]
pub fn on_network_file_system(file: &Path) -> bool {
    let Some(info) = folder_statfs(file) else {
        return false;
    };
    // SAFETY: `f_fstypename` is a NUL-terminated C string that `statfs` filled in.
    let name = unsafe { std::ffi::CStr::from_ptr(info.f_fstypename.as_ptr()) };
    matches!(
        name.to_bytes(),
        b"smbfs" | b"nfs" | b"afpfs" | b"webdav" | b"cifs"
    )
}

/// True when `file` is on a network share (a `\\server\share` path).
#[cfg(windows)]
pub fn on_network_file_system(file: &Path) -> bool {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let text = absolute.to_string_lossy();
    (text.starts_with(r"\\") && !text.starts_with(r"\\?\")) || text.starts_with(r"\\?\UNC\")
}

/// Other systems: no detection; [`set_shared_folder`] decides.
#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub fn on_network_file_system(_file: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_file_systems_are_recognised_by_their_magic() {
        assert!(is_network_magic(0x6969));
        assert!(is_network_magic(0xFF53_4D42));
        assert!(is_network_magic(0xFFFF_FFFF_FE53_4D42_u64 as i64));
        assert!(!is_network_magic(0xEF53)); // ext4
        assert!(!is_network_magic(0x0102_1994)); // tmpfs
    }

    #[test]
    fn the_variable_says_shared_local_or_detect() {
        assert_eq!(
            SharedFolder::from_env_value(Some(" 1")),
            SharedFolder::Shared
        );
        assert_eq!(SharedFolder::from_env_value(Some("0")), SharedFolder::Local);
        assert_eq!(
            SharedFolder::from_env_value(Some("yes")),
            SharedFolder::Detect
        );
        assert_eq!(SharedFolder::from_env_value(None), SharedFolder::Detect);
        for setting in [
            SharedFolder::Detect,
            SharedFolder::Shared,
            SharedFolder::Local,
        ] {
            assert_eq!(SharedFolder::from_code(setting.code()), setting);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_local_temporary_folder_is_not_shared() {
        let dir = std::env::temp_dir().join("workshop.ledgerlink");
        assert!(!on_network_file_system(&dir));
    }
}
