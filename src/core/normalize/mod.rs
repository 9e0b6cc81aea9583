//! Normalisation: comparison keys derived once per record (folded text, names without legal
//! form, phones, domains, tax ids, postcodes, ids).

pub mod company;
pub mod dates;
pub mod domains;
pub mod ids;
pub mod legal_forms;
pub mod text;
