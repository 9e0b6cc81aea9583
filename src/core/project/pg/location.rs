//! `postgres://user@host/db?project=NAME`: where a shared project lives, and connecting to it.
