//! Panics inside third-party parsers of untrusted files (calamine on a damaged workbook) are
//! caught and reported as "damaged file" errors. [`catch_parser_panic`] catches them, and the
//! panic hook from [`install_quiet_panic_hook`] keeps Rust's "thread panicked at ..." message
//! off the user's terminal for exactly those panics, while every other panic is still printed.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// True while this thread runs a parser under [`catch_parser_panic`].
    static PARSING: Cell<bool> = const { Cell::new(false) };
}

/// Run `parse`; `None` when it panicked (the caller reports the file as damaged).
pub fn catch_parser_panic<T>(parse: impl FnOnce() -> T) -> Option<T> {
    let outer = PARSING.with(|parsing| parsing.replace(true));
    let result = catch_unwind(AssertUnwindSafe(parse)).ok();
    PARSING.with(|parsing| parsing.set(outer));
    result
}

/// True while the current thread runs a parser under [`catch_parser_panic`].
pub fn in_guarded_parser() -> bool {
    PARSING.with(Cell::get)
}

/// Replace the panic hook with one that is silent for panics [`catch_parser_panic`] catches
/// and otherwise behaves as before. Call once, at the start of `main`.
pub fn install_quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !in_guarded_parser() {
            previous(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_panic_becomes_none_and_the_flag_is_cleared() {
        assert!(!in_guarded_parser());
        let inside = catch_parser_panic(in_guarded_parser);
        assert_eq!(inside, Some(true));
        let panicked: Option<()> = catch_parser_panic(|| panic!("malformed workbook"));
        assert_eq!(panicked, None);
        assert!(!in_guarded_parser());
    }
}
