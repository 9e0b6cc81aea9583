//! The Reviewers screen: how far each reviewer is with their share of the open pairs and
//! duplicate clusters, and the finance head's tools to split them: by account owner, by
//! country, or by hand (the pair shown in Review, the cluster selected in Duplicates). Each
//! reviewer's Review queue then shows their share first.

use crate::app::action::Action;
use crate::app::widgets::labelled_text_field;
use crate::app::workspace::Workspace;
use crate::core::project::{AssignRule, ReviewerProgress, Subject};

/// What the user typed on the Reviewers screen, and the progress table as last counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewersState {
    /// `DE=anna, AT=anna, *=bert`.
    pub country_table: String,
    /// Who gets the pair or cluster assigned by hand.
    pub hand_reviewer: String,
    /// The progress per reviewer, and the data generation it was counted for (counting walks
    /// every suggestion: once per change, not once per frame).
    progress: Option<(u64, Vec<ReviewerProgress>)>,
}

/// The pair shown in Review and the cluster selected in Duplicates, for assigning by hand.
pub struct HandChoices {
    /// The pair, if one is shown.
    pub pair: Option<Subject>,
    /// The cluster, if one is selected.
    pub cluster: Option<Subject>,
}

/// Read `DE=anna, *=bert` into (country, reviewer) pairs; an error names the part that is not
/// `COUNTRY=REVIEWER`.
pub fn parse_country_table(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((country, reviewer))
                if !country.trim().is_empty() && !reviewer.trim().is_empty() =>
            {
                Ok((country.trim().to_string(), reviewer.trim().to_string()))
            }
            _ => Err(format!("'{part}' is not COUNTRY=REVIEWER")),
        })
        .collect()
}

/// Draw the Reviewers screen.
pub fn reviewers_ui(
    ui: &mut egui::Ui,
    state: &mut ReviewersState,
    (workspace, generation): (&Workspace, u64),
    hand: &HandChoices,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if state
        .progress
        .as_ref()
        .is_none_or(|(counted, _)| *counted != generation)
    {
        state.progress = Some((generation, workspace.project().progress()));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading("Reviewers");
        progress_ui(
            ui,
            state.progress.as_ref().map_or(&[][..], |(_, rows)| rows),
        );
        ui.add_space(12.0);
        ui.group(|ui| {
            ui.strong("Split the open pairs and duplicate clusters");
            ui.label("Decided pairs keep whoever decided them; an open one may be given again.");
            by_owner_ui(ui, &mut actions);
            by_country_ui(ui, state, &mut actions);
            by_hand_ui(ui, state, hand, &mut actions);
        });
    });
    actions
}

fn progress_ui(ui: &mut egui::Ui, progress: &[ReviewerProgress]) {
    if progress.is_empty() {
        ui.label("Nobody has decided or been given pairs yet.");
        return;
    }
    egui::Grid::new("reviewer_progress")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for title in [
                "Reviewer",
                "Open pairs",
                "Open clusters",
                "Decisions taken",
                "Done",
            ] {
                ui.strong(title);
            }
            ui.end_row();
            for row in progress {
                ui.label(&row.reviewer);
                ui.label(format!("{} of {} given", row.pairs_open, row.pairs));
                ui.label(format!("{} of {} given", row.clusters_open, row.clusters));
                ui.label(row.decisions.to_string());
                let assigned = row.pairs + row.clusters;
                let open = row.pairs_open + row.clusters_open;
                if assigned > 0 {
                    let done = (assigned - open) as f32 / assigned as f32;
                    ui.add(
                        egui::ProgressBar::new(done)
                            .desired_width(160.0)
                            .text(format!("{} of {assigned}", assigned - open)),
                    );
                } else {
                    ui.label("nothing given");
                }
                ui.end_row();
            }
        });
}

fn by_owner_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let button = ui
            .button("Assign by account owner")
            .on_hover_text("Each open pair and cluster to the owner of its CRM account");
        if button.clicked() {
            actions.push(Action::Assign(AssignRule::Owner { column: None }));
        }
    });
}

fn by_country_ui(ui: &mut egui::Ui, state: &mut ReviewersState, actions: &mut Vec<Action>) {
    let parsed = parse_country_table(&state.country_table);
    ui.horizontal(|ui| {
        labelled_text_field(ui, "By country", &mut state.country_table, 320.0)
            .on_hover_text("DE=anna, AT=anna, FR=bert, *=carl (* takes every other country)");
        let ready = matches!(&parsed, Ok(table) if !table.is_empty());
        if ui
            .add_enabled(ready, egui::Button::new("Assign by country"))
            .clicked()
            && let Ok(table) = &parsed
        {
            actions.push(Action::Assign(AssignRule::Country(table.clone())));
        }
    });
    if let Err(error) = parsed {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

fn by_hand_ui(
    ui: &mut egui::Ui,
    state: &mut ReviewersState,
    hand: &HandChoices,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        labelled_text_field(ui, "By hand, to", &mut state.hand_reviewer, 160.0);
        let reviewer = state.hand_reviewer.trim().to_string();
        for (what, subject) in [
            ("the pair shown in Review", &hand.pair),
            ("the cluster selected in Duplicates", &hand.cluster),
        ] {
            let label = match subject {
                Some(Subject::Pair { crm, erp }) => {
                    format!("Assign {what} (CRM {crm} and ERP {erp})")
                }
                Some(Subject::Cluster { side, first }) => {
                    format!("Assign {what} ({side} {first} …)")
                }
                None => format!("Assign {what}"),
            };
            let button = ui.add_enabled(
                subject.is_some() && !reviewer.is_empty(),
                egui::Button::new(label),
            );
            if button.clicked()
                && let Some(subject) = subject
            {
                actions.push(Action::Assign(AssignRule::Hand {
                    subjects: vec![subject.clone()],
                    reviewer: reviewer.clone(),
                }));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_table_is_read_or_refused_naming_the_bad_part() {
        assert_eq!(
            parse_country_table("DE=anna; AT = anna,\n*=bert"),
            Ok(vec![
                ("DE".into(), "anna".into()),
                ("AT".into(), "anna".into()),
                ("*".into(), "bert".into())
            ])
        );
        assert_eq!(
            parse_country_table("DE anna"),
            Err("'DE anna' is not COUNTRY=REVIEWER".into())
        );
        assert_eq!(parse_country_table(""), Ok(vec![]));
    }
}
