//! Normalisation: comparison keys derived once per record (folded text, names without legal
//! form, phones, domains, tax ids, postcodes, ids).
//!
//! Every function is pure and cheap enough for a million records: assets are parsed once
//! (`LazyLock`), no regex is compiled, and the hot paths (company names, phones) reuse buffers.
//! Country arguments are ISO 3166 alpha-2 codes (`Some("DE")`); [`address::country_code`] turns
//! a written country into one.

pub mod address;
pub mod company;
pub mod dates;
pub mod domains;
pub mod ids;
pub mod legal_forms;
pub mod person;
pub mod phone;
pub mod street;
pub mod text;
