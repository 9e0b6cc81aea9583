//! How the window is started: what it shows first (a project, an export as the CRM list, the
//! demo) and the switches of tests, scripted runs and benchmarks.

use std::path::PathBuf;

use super::notice::ErrorLog;

/// What the window shows first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Startup {
    /// The start screen.
    #[default]
    Start,
    /// That project (a file or a project on a server).
    Project(crate::core::project::Location),
    /// The start screen with this export filled in as the CRM list.
    List(PathBuf),
    /// A project built from the bundled demo lists.
    Demo,
}

impl Startup {
    /// What to show for a file named on the command line: a project file (`*.ledgerlink`, or
    /// any SQLite file) opens as a project; anything else (CSV, XLSX, ...) is taken as the CRM
    /// export of a new project, and the user picks the ERP list.
    pub fn for_file(path: PathBuf) -> Startup {
        // Shown on the start screen and used to propose the project file: make it whole.
        let path = std::path::absolute(&path).unwrap_or(path);
        if crate::core::project::Project::looks_like_project(&path) {
            Startup::Project(path.into())
        } else {
            Startup::List(path)
        }
    }
}

/// How the app is started: by the binary, by a test, or by a benchmark.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// What to show first.
    pub startup: Startup,
    /// Where settings are kept; `None` keeps them in memory only (tests).
    pub settings_path: Option<PathBuf>,
    /// Whether "Browse…" opens the system file dialog (false in tests).
    pub file_dialogs: bool,
    /// Close the window after this many frames (`--smoke-test`, `--bench-frames`).
    pub exit_after_frames: Option<u64>,
    /// Print frame-time figures on exit (`--bench-frames`).
    pub report_frame_times: bool,
    /// When the process started, for the time to the first frame (`--bench-frames`).
    pub launched: Option<std::time::Instant>,
    /// Where "Open demo" writes its project; `None` for [`crate::app::work::default_demo_file`].
    pub demo_file: Option<PathBuf>,
    /// Receives every error the window shows (scripted runs fail on them).
    pub error_log: ErrorLog,
    /// Who decides until the reviewer gives a name: the login name, which the program reads
    /// from the environment; `None` (tests) records "unknown".
    pub login_name: Option<String>,
}
