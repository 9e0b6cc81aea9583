//! Printing to standard output without a panic: `println!` panics when stdout is a closed pipe
//! (`ledgerlink status --json | head -1`) or a full disk. [`out`] returns the error instead,
//! and `main` ends quietly (exit 0) on a closed pipe, since the reader has all it wanted.
//! [`confirm`] prints the confirmation of a change already committed: whatever happens to the
//! message, the command succeeded, so a failure to print is only a warning on stderr.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a confirmation failed to print, so the warning comes once per run.
static WARNED: AtomicBool = AtomicBool::new(false);

/// Write `args` to standard output.
pub fn write_out(args: fmt::Arguments<'_>) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_fmt(args)?;
    stdout.flush()
}

/// Write the confirmation of a committed change; a closed pipe is ignored and any other
/// failure is reported on stderr without failing the command.
pub fn confirm(args: fmt::Arguments<'_>) {
    match write_out(args) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) if !WARNED.swap(true, Ordering::Relaxed) => {
            // Stderr may be gone too; nothing more can be done then.
            let _ = writeln!(
                io::stderr(),
                "ledgerlink: done, but the confirmation could not be printed: {error}"
            );
        }
        Err(_) => {}
    }
}

/// True when `error` comes from writing to a closed pipe.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(|csv| {
                matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
            })
    })
}

/// `println!` that returns an `io::Result` instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that returns an `io::Result` instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!($($arg)*))
    };
}

/// `println!` for the confirmation of a committed change (see [`confirm`]).
macro_rules! confirmln {
    ($($arg:tt)*) => {
        $crate::cli::output::confirm(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {confirmln, out, outln};
