//! The egui workshop application (feature `gui`).
//!
//! [`App`] owns the runtime state; [`settings::Settings`] is what persists between runs. Each
//! screen draws from the state it is given and returns the [`action::Action`]s the user asked
//! for; the app applies them after the frame is drawn, through the same core functions the
//! command line uses. Long work runs on a named background thread ([`job::Job`]).

pub mod action;
pub mod command;
pub mod fonts;
pub mod help;
pub mod items;
pub mod job;
pub mod list_columns;
pub mod notice;
mod options;
pub mod screens;
pub mod search;
pub mod settings;
pub mod time;
pub mod widgets;
pub mod words;
pub mod work;
pub mod workspace;

mod apply;
mod chrome;
mod decide;
mod dialogs;
mod remember;
mod shared;
mod window;

pub use window::run;

use std::time::Duration;

use action::{Action, Screen};
use job::Job;
use notice::{Notice, NoticeKind};
pub use options::{AppOptions, Startup};
use screens::import::ImportState;
use screens::review::{ReviewState, SearchIndexes};
use screens::start::StartState;
use settings::Settings;
use work::ListsRead;
use workspace::Workspace;

/// The background work running, if any: one at a time.
enum Running {
    /// Reading one or both lists.
    Lists(Job<ListsRead>),
    /// Opening a project file.
    Project(Job<(Workspace, SearchIndexes)>),
    /// Writing the export files.
    Export(Job<crate::core::export::ExportSummary>),
}

impl Running {
    fn cancel(&self) {
        match self {
            Running::Lists(job) => job.cancel(),
            Running::Project(job) => job.cancel(),
            Running::Export(job) => job.cancel(),
        }
    }

    fn progress_ui(&self, ui: &mut egui::Ui) -> bool {
        match self {
            Running::Lists(job) => job::progress_ui(ui, job),
            Running::Project(job) => job::progress_ui(ui, job),
            Running::Export(job) => job::progress_ui(ui, job),
        }
    }
}

/// How often the open project is checked for decisions other programs (the command line,
/// another window) wrote.
const CATCH_UP_INTERVAL: Duration = Duration::from_secs(2);

/// The smallest zoom factor Ctrl+Minus reaches.
const MIN_ZOOM: f32 = 0.5;
/// The largest zoom factor Ctrl+Plus reaches (a projector across a room).
const MAX_ZOOM: f32 = 3.0;

/// The runtime state of the workshop window.
pub struct App {
    options: AppOptions,
    settings: Settings,
    screen: Screen,
    start: StartState,
    import: ImportState,
    workspace: Option<Workspace>,
    indexes: SearchIndexes,
    review: ReviewState,
    duplicates: screens::duplicates::DuplicatesState,
    unmatched: screens::unmatched::UnmatchedState,
    export: screens::export::ExportState,
    reviewers: screens::reviewers::ReviewersState,
    /// Bumped whenever a decision changes what the screens show.
    generation: u64,
    /// Bumped whenever another set of suggestions is loaded.
    structure: u64,
    running: Option<Running>,
    /// What the last change was, shown as "saved" in the status bar.
    saved: Option<String>,
    notices: Vec<Notice>,
    help_open: bool,
    reviewer_draft: String,
    frames: u64,
    frame_seconds: Vec<f32>,
    /// When the open project was last checked for decisions other programs wrote.
    caught_up_at: std::time::Instant,
    /// The watcher of an open project on a server.
    watch: Option<shared::SharedWatch>,
    /// True while the server of the open project cannot be reached.
    connection_lost: bool,
}

impl App {
    /// A new app: reads the settings. The startup project opens on the first frame; the
    /// context must have been prepared with [`setup_context`].
    pub fn new(options: AppOptions) -> App {
        let mut notices = Vec::new();
        let settings = match &options.settings_path {
            Some(path) => Settings::load(path).unwrap_or_else(|error| {
                notices.push(Notice::error(format!("{error}; using the defaults")));
                Settings::default()
            }),
            None => Settings::default(),
        };
        for notice in &notices {
            options.error_log.record(&notice.text);
        }
        App {
            options,
            settings,
            screen: Screen::Start,
            start: StartState::default(),
            import: ImportState::default(),
            workspace: None,
            indexes: SearchIndexes::default(),
            review: ReviewState::default(),
            duplicates: Default::default(),
            unmatched: Default::default(),
            export: Default::default(),
            reviewers: Default::default(),
            generation: 0,
            structure: 0,
            running: None,
            saved: None,
            notices,
            help_open: false,
            reviewer_draft: String::new(),
            frames: 0,
            frame_seconds: Vec::new(),
            caught_up_at: std::time::Instant::now(),
            watch: None,
            connection_lost: false,
        }
    }

    /// The saved zoom, and the project asked for on the command line.
    fn first_frame(&mut self, ctx: &egui::Context) {
        if let Some(zoom) = self.settings.zoom {
            ctx.set_zoom_factor(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        }
        match self.options.startup.clone() {
            Startup::Start => {}
            Startup::Project(path) => self.apply(ctx, Action::OpenProject(path)),
            Startup::List(path) => {
                self.start.crm_path = path.display().to_string();
                self.start.suggest_project_path();
                self.notify(Notice::info(format!(
                    "{} is filled in as the CRM list: choose the ERP list, then Read lists.",
                    path.display()
                )));
            }
            Startup::Demo => self.apply(ctx, Action::OpenDemo),
        }
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The notices shown (errors and information).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Show a notice; errors are also kept in the error log.
    fn notify(&mut self, notice: Notice) {
        if notice.kind == NoticeKind::Error {
            self.options.error_log.record(&notice.text);
        }
        self.notices.push(notice);
    }

    /// Show what other programs decided in the open project, at most every `interval` (the
    /// check is one small read when nothing changed).
    pub fn catch_up_every(&mut self, ctx: &egui::Context, interval: Duration) {
        if self.workspace.is_none() {
            return;
        }
        ctx.request_repaint_after(interval);
        if self.caught_up_at.elapsed() < interval {
            return;
        }
        self.caught_up_at = std::time::Instant::now();
        self.catch_up_now();
    }

    /// Close the information notices (they were about the step just left); errors stay.
    fn drop_information(&mut self) {
        self.notices
            .retain(|notice| notice.kind == NoticeKind::Error);
    }

    /// The start screen's fields.
    pub fn start_state(&self) -> &StartState {
        &self.start
    }

    /// The lists read for a new project, before matching.
    pub fn import_state(&self) -> &ImportState {
        &self.import
    }

    /// The open workshop, if any.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// The Export screen's preview, once built (tests).
    pub fn export_preview(&self) -> Option<&crate::core::export::ExportPreview> {
        self.export.preview()
    }

    /// The review screen's state (queue, current pair, tables).
    pub fn review_state(&self) -> &ReviewState {
        &self.review
    }

    /// Show a workshop: build the search indexes and go to the review screen.
    pub fn open_workspace(&mut self, workspace: Workspace) {
        let indexes = SearchIndexes::build(&workspace);
        self.show_workspace(workspace, indexes);
    }

    fn show_workspace(&mut self, workspace: Workspace, indexes: SearchIndexes) {
        let key = remember::project_key(workspace.project());
        self.settings.remember_project(&key);
        self.save_settings();
        self.drop_information();
        self.export.folder = screens::export::default_folder(&export_base(workspace.project()));
        self.export.last = None;
        self.indexes = indexes;
        self.review = ReviewState::default();
        self.workspace = Some(workspace);
        self.restore_columns();
        self.generation += 1;
        self.structure += 1;
        self.screen = Screen::Review;
    }

    /// Set the reviewer's name without asking (tests and scripted runs).
    pub fn set_reviewer_for_tests(&mut self, name: &str) {
        self.settings.reviewer = Some(name.to_string());
    }

    /// True while background work runs.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// The persisted settings as they are now.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Draw one frame and apply what the user asked for. Used by [`eframe::App::ui`] and by
    /// the tests, which have no [`eframe::Frame`].
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.frames == 0 {
            self.first_frame(&ctx);
        }
        self.poll_running(&ctx);
        self.watch_shared(&ctx);
        self.catch_up_every(&ctx, CATCH_UP_INTERVAL);
        // No decision before the reviewer is known: while the name prompt shows, its field
        // owns the keyboard (Enter confirms the name), and a key typed outside it (N, Y, S ...)
        // must not decide the pair behind it, so no shortcut is even read.
        let commands = if self.reviewer_prompt_showing() {
            Vec::new()
        } else {
            command::pressed_commands(&ctx)
        };
        // J/K and the arrow keys move through the Unmatched list and the duplicate clusters
        // as through the queue.
        for command in &commands {
            let step = match command {
                command::Command::NextPair => 1,
                command::Command::PreviousPair => -1,
                _ => continue,
            };
            match self.screen {
                Screen::Unmatched => self.unmatched.move_selection(step),
                Screen::Duplicates => self.duplicates.move_selection(step),
                _ => {}
            }
        }
        let mut actions: Vec<Action> = commands
            .into_iter()
            .filter(|command| self.screen == Screen::Review || !command.is_review_command())
            .map(Action::Command)
            .collect();
        actions.extend(self.dropped_files(&ctx));

        egui::Panel::top("navigation").show(ui, |ui| {
            actions.extend(self.navigation_ui(ui));
            if let Some(index) = notice::notices_ui(ui, &self.notices) {
                actions.push(Action::DismissNotice(index));
            }
            if let Some(running) = &self.running
                && running.progress_ui(ui)
            {
                actions.push(Action::CancelJob);
            }
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.status_ui(ui);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            actions.extend(self.screen_ui(ui));
        });
        help::help_ui(&ctx, &mut self.help_open);
        if let Some(name) = self.reviewer_prompt_ui(&ctx) {
            actions.push(Action::SetReviewer(name));
        }

        // A pass that egui discards (a layout settling, a modal's first frame) runs again with
        // the same input: what it asked for is applied once, in the pass that is shown, never
        // twice for one click or key.
        if !ctx.will_discard() {
            for action in actions {
                self.apply(&ctx, action);
            }
        }
        self.count_frame(&ctx);
    }

    fn screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let busy = self.running.is_some();
        match self.screen {
            Screen::Start => screens::start::start_ui(ui, &mut self.start, &self.settings, busy),
            Screen::Import => screens::import::import_ui(ui, &mut self.import, busy),
            Screen::Review => match &self.workspace {
                Some(workspace) => {
                    self.review.refresh_queue(workspace, self.structure);
                    screens::review::review_ui(
                        ui,
                        &mut self.review,
                        workspace,
                        &self.indexes,
                        self.generation,
                    )
                }
                None => no_project_ui(ui),
            },
            Screen::Duplicates => match &self.workspace {
                Some(workspace) => screens::duplicates::duplicates_ui(
                    ui,
                    &mut self.duplicates,
                    workspace,
                    self.generation,
                ),
                None => no_project_ui(ui),
            },
            Screen::Export => match &self.workspace {
                Some(workspace) => screens::export::export_ui(
                    ui,
                    &mut self.export,
                    workspace,
                    (busy, self.generation),
                ),
                None => no_project_ui(ui),
            },
            Screen::Reviewers => match &self.workspace {
                Some(workspace) => {
                    let hand = self.hand_choices(workspace);
                    let data = (workspace, self.generation);
                    screens::reviewers::reviewers_ui(ui, &mut self.reviewers, data, &hand)
                }
                None => no_project_ui(ui),
            },
            Screen::Unmatched => match &self.workspace {
                Some(workspace) => screens::unmatched::unmatched_ui(
                    ui,
                    &mut self.unmatched,
                    workspace,
                    self.generation,
                ),
                None => no_project_ui(ui),
            },
        }
    }

    /// Change the zoom by `step` (it takes effect next frame) and remember it.
    fn zoom(&mut self, ctx: &egui::Context, step: f32) {
        let current = self.settings.zoom.unwrap_or_else(|| ctx.zoom_factor());
        let zoom = ((current + step) * 10.0).round() / 10.0;
        let zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        ctx.set_zoom_factor(zoom);
        self.settings.zoom = Some(zoom);
        self.save_settings();
    }

    fn save_settings(&mut self) {
        if let Some(path) = &self.options.settings_path
            && let Err(error) = self.settings.save(path)
        {
            self.notify(Notice::error(error.to_string()));
        }
    }
}

/// What the export folder is named after: the project file, or for a project on a server its
/// name in the home folder (the working folder when there is none).
fn export_base(project: &crate::core::project::Project) -> std::path::PathBuf {
    match project.location() {
        crate::core::project::Location::File(file) => file.clone(),
        crate::core::project::Location::Postgres(server) => std::env::var_os("HOME")
            .map_or_else(std::path::PathBuf::new, std::path::PathBuf::from)
            .join(server.project()),
    }
}

fn no_project_ui(ui: &mut egui::Ui) -> Vec<Action> {
    ui.label("Open a project, or read two lists and match them, first.");
    Vec::new()
}

/// Fonts, and egui's own keyboard zoom switched off (the zoom keys are [`Action`]s).
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
}
