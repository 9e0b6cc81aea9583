//! Reusable widgets: the record card with its field-by-field diff, the score bar with the
//! per-field contributions, the score histogram, and small helpers.

pub mod histogram;
pub mod list_controls;
pub mod record_card;
pub mod record_table;
pub mod score_bar;

/// A label followed by a single-line text field that carries the label as its accessible name.
pub fn labelled_text_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    width: f32,
) -> egui::Response {
    let label_response = ui.label(label);
    // The minimum keeps the width inside a grid, whose cells offer little room at first.
    let field = egui::TextEdit::singleline(text)
        .desired_width(width)
        .min_size(egui::vec2(width, 0.0));
    ui.add(field).labelled_by(label_response.id)
}
