//! The histogram of open suggestions' scores with the bulk-accept threshold drawn on it.

use egui::{Color32, Rect, Sense, Stroke, Vec2};

/// Number of bars between 0 and 1.
pub const BINS: usize = 20;

/// Scores counted into [`BINS`] equal bins; a score of exactly 1 goes in the last one.
pub fn bin_counts(scores: &[f64]) -> [usize; BINS] {
    let mut counts = [0; BINS];
    for &score in scores {
        let index = ((score.clamp(0.0, 1.0) * BINS as f64) as usize).min(BINS - 1);
        counts[index] += 1;
    }
    counts
}

/// How many scores are at or above the threshold.
pub fn count_at_or_above(scores: &[f64], threshold: f64) -> usize {
    scores.iter().filter(|&&score| score >= threshold).count()
}

/// Draw the bars, shading those at or above `threshold`, with a line at the threshold.
pub fn histogram_ui(ui: &mut egui::Ui, counts: &[usize; BINS], threshold: f64) {
    let size = Vec2::new(ui.available_width().clamp(200.0, 480.0), 120.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let total: usize = counts.iter().sum();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Score histogram of {total} open suggestions"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let highest = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let bar_width = rect.width() / BINS as f32;
    for (index, &count) in counts.iter().enumerate() {
        let height = (count as f32 / highest).sqrt() * (rect.height() - 4.0);
        let left = rect.left() + index as f32 * bar_width;
        let bar = Rect::from_min_max(
            egui::pos2(left + 1.0, rect.bottom() - height),
            egui::pos2(left + bar_width - 1.0, rect.bottom()),
        );
        let bin_start = index as f64 / BINS as f64;
        let color = if bin_start >= threshold - 1e-9 {
            Color32::from_rgb(70, 160, 90)
        } else {
            ui.visuals().weak_text_color()
        };
        painter.rect_filled(bar, 1.0, color);
    }
    let x = rect.left() + threshold.clamp(0.0, 1.0) as f32 * rect.width();
    painter.line_segment(
        [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
        Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_fall_in_their_bins_and_are_counted_from_the_threshold() {
        let scores = [0.0, 0.04, 0.51, 0.97, 1.0];
        let counts = bin_counts(&scores);
        assert_eq!(counts[0], 2);
        assert_eq!(counts[10], 1);
        assert_eq!(counts[BINS - 1], 2);
        assert_eq!(count_at_or_above(&scores, 0.97), 2);
        assert_eq!(count_at_or_above(&scores, 0.5), 3);
    }
}
