//! One module per screen. A screen function takes the state it needs and returns the actions
//! the user asked for; it never touches files or the project itself.

pub mod bulk;
mod cluster_grid;
pub mod duplicates;
pub mod export;
pub mod import;
pub mod pair;
pub mod record_view;
pub mod review;
pub mod reviewers;
pub mod start;
pub mod unmatched;
mod unmatched_table;
