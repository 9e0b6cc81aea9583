//! Normalisation: comparison keys derived once per record (folded text, names without legal
//! form, phones, domains, tax ids, postcodes, ids).

pub mod text;
