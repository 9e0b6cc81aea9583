//! Watching long matching runs: the window shows which step is running and may ask matching to
//! stop. Matching calls [`MatchObserver::step`] as each step begins and stops at the next step
//! once [`MatchObserver::cancelled`] says so; at 100,000 records a side a step takes a second or
//! two.

/// Told where matching stands, and asked whether to go on.
pub trait MatchObserver: Sync {
    /// A step begins: "preparing the records", "comparing candidate pairs" ...
    fn step(&self, _name: &str) {}

    /// True when the user asked to stop; matching then returns nothing at the next step.
    fn cancelled(&self) -> bool {
        false
    }
}

/// Watches nothing and never cancels: for the command line and tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unobserved;

impl MatchObserver for Unobserved {}

/// Announce `name` and say whether matching may go on.
pub(crate) fn go_on(observer: &dyn MatchObserver, name: &str) -> bool {
    if observer.cancelled() {
        return false;
    }
    observer.step(name);
    true
}
