//! `ledgerlink-window`: the workshop window without a console window behind it, for the
//! Windows Start menu and file associations.
//!
//! `ledgerlink.exe` is a console program, because its command line (`match`, `export` ...) must
//! print into the terminal it was started from; started from Explorer, Windows gives it a black
//! console window. This launcher is a Windows-subsystem program (no console) that starts
//! `ledgerlink.exe` from its own folder with the same arguments and `CREATE_NO_WINDOW`, waits
//! for it and exits with its exit code. On other systems it simply runs `ledgerlink` beside it.

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// The main program's file name.
const MAIN_PROGRAM: &str = if cfg!(windows) {
    "ledgerlink.exe"
} else {
    "ledgerlink"
};

/// `ledgerlink` in the launcher's own folder (or on the `PATH` when that cannot be found).
fn main_program() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|launcher| launcher.parent().map(|folder| folder.join(MAIN_PROGRAM)))
        .filter(|program| program.is_file())
        .unwrap_or_else(|| PathBuf::from(MAIN_PROGRAM))
}

/// Windows: no console window for the started program.
#[cfg(windows)]
fn without_console(command: &mut Command) {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    command.creation_flags(CREATE_NO_WINDOW);
}

#[cfg(not(windows))]
fn without_console(_command: &mut Command) {}

fn main() -> ExitCode {
    let program = main_program();
    let mut command = Command::new(&program);
    command.args(std::env::args_os().skip(1));
    without_console(&mut command);
    match command.status() {
        Ok(status) => match status.code().and_then(|code| u8::try_from(code).ok()) {
            Some(code) => ExitCode::from(code),
            None => ExitCode::FAILURE,
        },
        // A windowless program has nowhere to print; stderr reaches a terminal elsewhere.
        Err(error) => {
            eprintln!(
                "ledgerlink-window: cannot start {}: {error}",
                program.display()
            );
            ExitCode::FAILURE
        }
    }
}
