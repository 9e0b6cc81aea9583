//! # Ledgerlink
//!
//! Reconciles a company's CRM account list with its ERP customer list.
//!
//! The crate is split in two:
//!
//! * [`core`]: pure logic with no GUI dependency (it builds with `--no-default-features`):
//!   import of CSV and workbook exports, normalisation, matching, the SQLite project file and
//!   the export.
//! * `app` (feature `gui`): the egui workshop application. Screens return actions; the app
//!   applies them through the same core functions the command line uses.
//!
//! Data flows import → normalize → matching → project → export.
//!
//! ```
//! use ledgerlink::core::model::Role;
//! assert_eq!("tax_id".parse::<Role>().ok(), Some(Role::TaxId));
//! ```

pub mod core;

#[cfg(feature = "gui")]
pub mod app;
