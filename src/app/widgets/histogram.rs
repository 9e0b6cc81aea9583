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

/// What the histogram shows per bin: the open pairs bulk accept may take, and the pairs the
/// workshop already accepted or rejected (how the engine's scores fared with people so far).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bins {
    /// Open pairs per bin.
    pub open: [usize; BINS],
    /// Accepted (or linked) pairs per bin.
    pub accepted: [usize; BINS],
    /// Rejected pairs per bin.
    pub rejected: [usize; BINS],
}

/// Room below the bars for the score axis, and left of them for the count axis.
const AXIS_BELOW: f32 = 16.0;
const AXIS_LEFT: f32 = 34.0;

/// Draw the bars of open pairs (those at or above `threshold` shaded), the reviewed pairs of each
/// bin as a thin green (accepted) and red (rejected) strip under the bar, the count over each
/// bar, a score axis and a count axis (linear, or logarithmic when `log`). Clicking or dragging
/// on it sets the threshold (not below `lowest`); returns true when it did.
pub fn histogram_ui(
    ui: &mut egui::Ui,
    bins: &Bins,
    threshold: &mut f64,
    (lowest, log): (f64, bool),
) -> bool {
    let size = Vec2::new(ui.available_width().clamp(260.0, 520.0), 150.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let total: usize = bins.open.iter().sum();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Score histogram of {total} open suggestions"),
        )
    });
    let plot = Rect::from_min_max(
        egui::pos2(rect.left() + AXIS_LEFT, rect.top() + 12.0),
        egui::pos2(rect.right(), rect.bottom() - AXIS_BELOW),
    );
    let mut changed = false;
    if let Some(pointer) = response.interact_pointer_pos()
        && (response.clicked() || response.dragged())
    {
        let fraction = f64::from((pointer.x - plot.left()) / plot.width());
        let wanted = ((fraction * 1000.0).round() / 1000.0).clamp(lowest, 1.0);
        changed = (wanted - *threshold).abs() > f64::EPSILON;
        *threshold = wanted;
    }
    if ui.is_rect_visible(rect) {
        paint(ui, rect, plot, bins, (*threshold, log));
    }
    changed
}

fn scale(count: usize, highest: usize, log: bool) -> f32 {
    if count == 0 {
        return 0.0;
    }
    if log {
        ((count as f32).ln_1p() / (highest as f32).ln_1p()).min(1.0)
    } else {
        count as f32 / highest.max(1) as f32
    }
}

fn paint(ui: &egui::Ui, rect: Rect, plot: Rect, bins: &Bins, (threshold, log): (f64, bool)) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let font = egui::FontId::proportional(10.0);
    painter.rect_filled(plot, 2.0, visuals.extreme_bg_color);
    let highest = bins.open.iter().copied().max().unwrap_or(0).max(1);
    let bar_width = plot.width() / BINS as f32;
    for index in 0..BINS {
        let left = plot.left() + index as f32 * bar_width;
        let height = scale(bins.open[index], highest, log) * (plot.height() - 14.0);
        let bar = Rect::from_min_max(
            egui::pos2(left + 1.0, plot.bottom() - height),
            egui::pos2(left + bar_width - 1.0, plot.bottom()),
        );
        let bin_start = index as f64 / BINS as f64;
        let color = if bin_start >= threshold - 1e-9 {
            Color32::from_rgb(70, 160, 90)
        } else {
            visuals.weak_text_color()
        };
        painter.rect_filled(bar, 1.0, color);
        if bins.open[index] > 0 {
            painter.text(
                egui::pos2(bar.center().x, bar.top() - 1.0),
                egui::Align2::CENTER_BOTTOM,
                bins.open[index].to_string(),
                font.clone(),
                visuals.text_color(),
            );
        }
        reviewed_strip(&painter, (left, bar_width, plot.bottom()), bins, index);
    }
    for tick in [0.0f32, 0.25, 0.5, 0.75, 1.0] {
        painter.text(
            egui::pos2(plot.left() + tick * plot.width(), plot.bottom() + 2.0),
            egui::Align2::CENTER_TOP,
            format!("{tick}"),
            font.clone(),
            visuals.weak_text_color(),
        );
    }
    let axis = if log { "log" } else { "" };
    painter.text(
        egui::pos2(rect.left(), plot.top()),
        egui::Align2::LEFT_TOP,
        format!("{highest}\n{axis}"),
        font.clone(),
        visuals.weak_text_color(),
    );
    painter.text(
        egui::pos2(rect.left(), plot.bottom()),
        egui::Align2::LEFT_BOTTOM,
        "0",
        font,
        visuals.weak_text_color(),
    );
    let x = plot.left() + threshold.clamp(0.0, 1.0) as f32 * plot.width();
    painter.line_segment(
        [egui::pos2(x, plot.top()), egui::pos2(x, plot.bottom())],
        Stroke::new(2.0, visuals.strong_text_color()),
    );
}

/// The reviewed pairs of bin `index`: a strip at the foot of the bar, green for the share
/// accepted, red for the share rejected.
fn reviewed_strip(
    painter: &egui::Painter,
    (left, width, bottom): (f32, f32, f32),
    bins: &Bins,
    index: usize,
) {
    let (accepted, rejected) = (bins.accepted[index], bins.rejected[index]);
    let reviewed = accepted + rejected;
    if reviewed == 0 {
        return;
    }
    let green = (width - 2.0) * accepted as f32 / reviewed as f32;
    let strip = |from: f32, to: f32, color: Color32| {
        let rect = Rect::from_min_max(
            egui::pos2(left + 1.0 + from, bottom - 4.0),
            egui::pos2(left + 1.0 + to, bottom),
        );
        painter.rect_filled(rect, 0.0, color);
    };
    strip(0.0, green, Color32::from_rgb(60, 200, 90));
    strip(green, width - 2.0, Color32::from_rgb(220, 70, 60));
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
