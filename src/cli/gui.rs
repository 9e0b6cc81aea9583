//! `ledgerlink [FILE]` and `ledgerlink demo`: open the workshop window, on a project file, or
//! on the start screen with an export (CSV, XLSX ...) filled in as the CRM list. A scripted run
//! (`--smoke-test`, `--bench-frames`) exits 1 when the window showed an error.

use std::path::PathBuf;

use anyhow::Result;

/// Flags for scripted runs of the window.
#[derive(Debug, Clone, Copy)]
pub struct WindowFlags {
    /// Draw a few frames and exit.
    pub smoke_test: bool,
    /// Draw this many frames, print frame times and exit.
    pub bench_frames: Option<u64>,
    /// When the process started.
    #[cfg_attr(not(feature = "gui"), allow(dead_code))]
    pub launched: std::time::Instant,
}

/// Frames drawn by `--smoke-test` before the window closes itself.
#[cfg(feature = "gui")]
const SMOKE_TEST_FRAMES: u64 = 5;

/// Open the window on the start screen, on `file` (a project, or an export taken as the CRM
/// list), or on the demo.
#[cfg(feature = "gui")]
pub fn open(file: Option<PathBuf>, demo: bool, flags: WindowFlags) -> Result<()> {
    use ledgerlink::app::notice::ErrorLog;
    use ledgerlink::app::settings::Settings;
    use ledgerlink::app::{self, AppOptions, Startup};
    use ledgerlink::core::project::pg::location::is_postgres_url;

    let startup = match (demo, file) {
        (true, _) => Startup::Demo,
        (false, Some(path)) => match path.to_str().filter(|text| is_postgres_url(text)) {
            // A shared project: a malformed address is refused before the window opens.
            Some(url) => Startup::Project(super::parse_location(url).map_err(super::BadInput)?),
            None => Startup::for_file(path),
        },
        (false, None) => Startup::Start,
    };
    let exit_after_frames = match (flags.bench_frames, flags.smoke_test) {
        (Some(frames), _) => Some(frames.max(1)),
        (None, true) => Some(SMOKE_TEST_FRAMES),
        (None, false) => None,
    };
    let error_log = ErrorLog::default();
    let options = AppOptions {
        startup,
        settings_path: Settings::default_path(),
        file_dialogs: true,
        exit_after_frames,
        report_frame_times: flags.bench_frames.is_some(),
        launched: Some(flags.launched),
        demo_file: None,
        error_log: error_log.clone(),
        login_name: Some(super::login_name()),
    };
    app::run(options).map_err(|error| anyhow::anyhow!("could not open the window: {error}"))?;
    if exit_after_frames.is_some() {
        error_log.outcome().map_err(anyhow::Error::msg)?;
    }
    Ok(())
}

/// Without the `gui` feature there is no window: say so.
#[cfg(not(feature = "gui"))]
pub fn open(project: Option<PathBuf>, demo: bool, flags: WindowFlags) -> Result<()> {
    let what = match (
        demo,
        project,
        flags.smoke_test || flags.bench_frames.is_some(),
    ) {
        (true, _, _) => "the demo".to_string(),
        // An address is shown without its password (or not at all when it does not parse).
        (false, Some(path), _) => match path.to_str() {
            Some(text) if ledgerlink::core::project::pg::location::is_postgres_url(text) => {
                super::parse_location(text).map_or_else(
                    |_| "the shared project".to_string(),
                    |place| place.to_string(),
                )
            }
            _ => path.display().to_string(),
        },
        (false, None, true) => "the window test".to_string(),
        (false, None, false) => "the workshop window".to_string(),
    };
    Err(super::BadInput(format!(
        "cannot open {what}: this ledgerlink was built without the GUI (feature `gui`); \
         use a subcommand, see --help"
    ))
    .into())
}
