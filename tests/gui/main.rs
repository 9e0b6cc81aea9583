//! The workshop window, driven headless with egui_kittest as a person would: clicking and typing.
//!
//! One test crate per group keeps `cargo test` from linking the library and egui once per file.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

#[path = "../common/mod.rs"]
mod common;
#[path = "../pg_support/mod.rs"]
mod pg_support;

mod gui_export;
mod gui_import;
mod gui_lists;
mod gui_match;
mod gui_resolve;
mod gui_review;
mod gui_shared;
mod gui_shell;
mod gui_smoke;
