//! Bulk accept: the histogram of open suggestions' scores, a threshold, the count at or above
//! it, and an explicit confirmation. Off until the user opens it; one undo reverts the batch.

use crate::app::action::Action;
use crate::app::widgets::histogram::{Bins, bin_counts, count_at_or_above, histogram_ui};
use crate::app::words::counted;
use crate::app::workspace::{PairItem, Workspace};
use crate::core::project::PairStatus;

/// The lowest threshold offered.
pub const MIN_THRESHOLD: f64 = 0.5;

/// Bulk accept's own state.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkState {
    /// Shown below the queue bar.
    pub open: bool,
    /// Pairs at or above this score are accepted.
    pub threshold: f64,
    /// The confirmation step is showing.
    pub confirming: bool,
    /// The histogram's count axis is logarithmic (a few hundred low scores beside thousands of
    /// high ones).
    pub log_scale: bool,
}

impl Default for BulkState {
    fn default() -> Self {
        BulkState {
            open: false,
            threshold: 0.95,
            confirming: false,
            log_scale: true,
        }
    }
}

/// True for the pairs bulk accept may take: suggested (not competing candidates), open, and
/// not flagged unsure (someone wanted a second look at those).
pub fn is_bulk_candidate(item: &PairItem) -> bool {
    !item.is_alternative && item.is_open() && !item.unsure
}

/// Scores of the pairs bulk accept may take.
pub fn open_scores(workspace: &Workspace) -> Vec<f64> {
    workspace
        .items
        .iter()
        .filter(|item| is_bulk_candidate(item))
        .map(|item| item.probability)
        .collect()
}

/// The histogram's bins: open pairs bulk accept may take, and the pairs already accepted or
/// rejected, by score.
fn bins(workspace: &Workspace, open: &[f64]) -> Bins {
    let scores_of = |wanted: fn(PairStatus) -> bool| -> Vec<f64> {
        workspace
            .items
            .iter()
            .filter(|item| wanted(item.state))
            .map(|item| item.probability)
            .collect()
    };
    Bins {
        open: bin_counts(open),
        accepted: bin_counts(&scores_of(|state| {
            matches!(state, PairStatus::Accepted | PairStatus::Linked)
        })),
        rejected: bin_counts(&scores_of(|state| state == PairStatus::Rejected)),
    }
}

/// Draw bulk accept.
pub fn bulk_ui(ui: &mut egui::Ui, state: &mut BulkState, workspace: &Workspace) -> Vec<Action> {
    let mut actions = Vec::new();
    let scores = open_scores(workspace);
    ui.strong("Bulk accept");
    let dragged = histogram_ui(
        ui,
        &bins(workspace, &scores),
        &mut state.threshold,
        (MIN_THRESHOLD, state.log_scale),
    );
    if dragged {
        state.confirming = false;
    }
    ui.weak("Click or drag on the histogram to set the threshold; the strip under each bar shows the pairs already accepted (green) and rejected (red).");
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.log_scale, "Log scale");
        let label = ui.label("Threshold");
        let slider = ui
            .add(egui::Slider::new(&mut state.threshold, MIN_THRESHOLD..=1.0).fixed_decimals(3))
            .labelled_by(label.id);
        if slider.changed() {
            state.confirming = false;
        }
    });
    let count = count_at_or_above(&scores, state.threshold);
    ui.label(format!(
        "{count} of {} score {:.3} or more",
        counted(scores.len(), "open pair", "open pairs"),
        state.threshold
    ));
    if workspace.counts.unsure > 0 {
        let unsure = workspace.counts.unsure;
        let verb = if unsure == 1 { "is" } else { "are" };
        ui.label(format!(
            "{} marked unsure {verb} left out.",
            counted(unsure, "pair", "pairs")
        ));
    }
    if !state.confirming {
        let ask = ui
            .add_enabled(
                count > 0,
                egui::Button::new(format!("Accept {}…", counted(count, "pair", "pairs"))),
            )
            .on_hover_text("Asks for a confirmation first");
        if ask.clicked() {
            state.confirming = true;
        }
        return actions;
    }
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "Accept all {count} open pairs scoring {:.3} or more? One undo takes the whole batch back.",
            state.threshold
        ),
    );
    ui.horizontal(|ui| {
        if ui
            .button(format!(
                "Confirm: accept {}",
                counted(count, "pair", "pairs")
            ))
            .clicked()
        {
            actions.push(Action::BulkAccept {
                threshold: state.threshold,
            });
            state.confirming = false;
            state.open = false;
        }
        if ui.button("Cancel bulk accept").clicked() {
            state.confirming = false;
        }
    });
    actions
}
