//! Tests through the library: import, matching, the project file, the worklist and the export.
//!
//! One test crate per group keeps `cargo test` from linking the library and egui once per file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../export_support/mod.rs"]
mod export_support;
#[path = "../matching_fixtures/mod.rs"]
mod matching_fixtures;
#[path = "../pg_support/mod.rs"]
mod pg_support;
#[path = "../project_support/mod.rs"]
mod project_support;
#[path = "../synth_common/mod.rs"]
mod synth_common;
#[path = "../workbook_bombs/mod.rs"]
mod workbook_bombs;

mod export_demo;
mod export_files;
mod export_fill_ins;
mod export_ids;
mod export_interrupt;
mod export_lengths;
mod export_options;
mod export_review;
mod export_xref_clear;
mod import_files;
mod import_fuzz;
mod import_hostile;
mod matching_dedupe;
mod matching_evidence;
mod matching_families;
mod matching_link;
mod matching_xref;
mod pg_connect;
mod project_assign;
mod project_core;
mod project_files;
mod project_history;
mod project_reimport;
mod project_reliability;
mod project_server;
mod project_shared;
mod synth_demo;
mod synth_files;
mod worklist_core;
