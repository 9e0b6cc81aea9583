//! The score of a pair and what each compared field added to it, as bars: evidence for a match
//! grows to the right in green, evidence against to the left in red.

use egui::{Color32, Rect, Sense, Stroke, Vec2};

use crate::core::matching::Contribution;

/// Weights beyond this many bits draw as a full bar.
const FULL_SCALE_BITS: f64 = 12.0;

/// The pair's probability as a labelled bar ("Score 0.93").
pub fn score_ui(ui: &mut egui::Ui, probability: f64) {
    let clamped = probability.clamp(0.0, 1.0) as f32;
    let color = score_color(probability);
    ui.add(
        egui::ProgressBar::new(clamped)
            .desired_width(220.0)
            .fill(color)
            .text(format!("Score {probability:.3}")),
    );
}

/// A colour from red (unlikely) through amber to green (certain).
pub fn score_color(probability: f64) -> Color32 {
    if probability >= 0.9 {
        Color32::from_rgb(60, 150, 80)
    } else if probability >= 0.5 {
        Color32::from_rgb(200, 150, 40)
    } else {
        Color32::from_rgb(190, 70, 60)
    }
}

/// One line per contribution: the field and level, then a bar centred on zero.
pub fn contributions_ui(ui: &mut egui::Ui, contributions: &[Contribution]) {
    egui::Grid::new("contributions")
        .num_columns(3)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for contribution in contributions {
                ui.label(&contribution.field);
                ui.label(
                    egui::RichText::new(format!("{:+.1} bits", contribution.weight))
                        .monospace()
                        .weak(),
                )
                .on_hover_text(format!("comparison level: {}", contribution.level));
                weight_bar(ui, contribution);
                ui.end_row();
            }
        });
}

fn weight_bar(ui: &mut egui::Ui, contribution: &Contribution) {
    let size = Vec2::new(180.0, ui.spacing().interact_size.y * 0.7);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let description = format!(
        "{}: {} ({:+.1} bits)",
        contribution.field, contribution.level, contribution.weight
    );
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description.clone()));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    let middle = rect.center().x;
    painter.line_segment(
        [
            egui::pos2(middle, rect.top()),
            egui::pos2(middle, rect.bottom()),
        ],
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    let share = (contribution.weight / FULL_SCALE_BITS).clamp(-1.0, 1.0) as f32;
    let length = share * rect.width() / 2.0;
    let (left, right) = if length >= 0.0 {
        (middle, middle + length)
    } else {
        (middle + length, middle)
    };
    let bar = Rect::from_x_y_ranges(left..=right, rect.y_range().shrink(2.0));
    let color = if contribution.weight >= 0.0 {
        Color32::from_rgb(70, 160, 90)
    } else {
        Color32::from_rgb(200, 80, 70)
    };
    painter.rect_filled(bar, 2.0, color);
    response.on_hover_text(format!("{} ({})", contribution.level, contribution.field));
}
