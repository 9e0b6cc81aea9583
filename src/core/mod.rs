//! The pure core: everything except the GUI. Nothing here may use egui, eframe or rfd.

pub mod export;
pub mod fold;
pub mod guard;
pub mod import;
pub mod matching;
pub mod model;
pub mod normalize;
pub mod project;
pub mod synth;
