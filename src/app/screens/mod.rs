//! One module per screen. A screen function takes the state it needs and returns the actions
//! the user asked for; it never touches files or the project itself.

pub mod import;
pub mod start;
