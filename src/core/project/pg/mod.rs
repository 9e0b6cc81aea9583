//! A project on a PostgreSQL server: several reviewers on their own computers in one workshop.

pub mod location;
