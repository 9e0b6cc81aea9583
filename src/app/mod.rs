//! The egui workshop application (feature `gui`).
