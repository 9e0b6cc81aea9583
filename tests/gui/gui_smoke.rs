//! The binary's scripted window run (`--smoke-test`) under a virtual X display: it exits 0 on
//! a project that opens, and 1, naming the error, on a file that is not a project. Needs `Xvfb`
//! (`apt-get install xvfb`); where it is missing the window cannot open at all, and the same
//! outcome logic is checked headless in `gui_shell.rs`.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

/// A virtual X server on a free display, stopped when dropped.
struct VirtualDisplay {
    server: Child,
    display: String,
}

impl VirtualDisplay {
    /// Start `Xvfb`; `None` when it is not installed.
    fn start() -> Option<VirtualDisplay> {
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        // Xvfb writes the display number it chose once it accepts connections.
        let mut line = String::new();
        BufReader::new(server.stdout.take()?)
            .read_line(&mut line)
            .ok()?;
        Some(VirtualDisplay {
            server,
            display: format!(":{}", line.trim()),
        })
    }

    /// Run `ledgerlink ARGS` on this display, with settings and data in `home`.
    fn run(&self, home: &std::path::Path, args: &[&std::ffi::OsStr]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
            .args(args)
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .output()
            .unwrap()
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

#[test]
fn the_smoke_test_fails_on_a_file_that_is_not_a_project() {
    let Some(display) = VirtualDisplay::start() else {
        // CI installs Xvfb (.ci/run): there a missing server is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "Xvfb is missing on CI: .ci/run installs the xvfb package"
        );
        eprintln!(
            "SKIPPED the_smoke_test_fails_on_a_file_that_is_not_a_project: Xvfb is not \
             installed (apt-get install xvfb), so the real window cannot open here"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let project = common::small_project(dir.path());
    let good = display.run(dir.path(), &[project.as_os_str(), "--smoke-test".as_ref()]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );

    let notes = dir.path().join("notes.ledgerlink");
    std::fs::write(&notes, "Only some notes, not a project.\n").unwrap();
    let bad = display.run(dir.path(), &[notes.as_os_str(), "--smoke-test".as_ref()]);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the window showed an error"), "{stderr}");
    assert!(stderr.contains("notes.ledgerlink"), "{stderr}");
}
