//! Tests through the `ledgerlink` binary: the command-line contract (DESIGN.md section 4), the
//! packaging files, and what a workshop takes home through the CLI.
//!
//! One test crate per group keeps `cargo test` from linking the library and egui once per file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../dist_support/mod.rs"]
mod dist_support;
#[path = "../export_support/mod.rs"]
mod export_support;
#[path = "../matching_fixtures/mod.rs"]
mod matching_fixtures;
#[path = "../pg_support/mod.rs"]
mod pg_support;
#[path = "../project_support/mod.rs"]
mod project_support;

mod cli_inspect;
mod cli_output;
mod cli_project;
mod cli_shared;
mod dist_files;
mod export_cli;
mod matching_cli;
mod synth_cli;
mod worklist_cli;
