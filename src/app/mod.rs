//! The egui workshop application (feature `gui`).
//!
//! [`App`] owns the runtime state; [`settings::Settings`] is what persists between runs. Each
//! screen draws from the state it is given and returns the [`action::Action`]s the user asked
//! for; the app applies them after the frame is drawn, through the same core functions the
//! command line uses. Long work runs on a named background thread ([`job::Job`]).

pub mod action;
pub mod fonts;
pub mod help;
pub mod items;
pub mod job;
pub mod notice;
mod options;
pub mod screens;
pub mod search;
pub mod settings;
pub mod widgets;
pub mod work;
pub mod workspace;

mod apply;
mod decide;

use std::path::PathBuf;
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
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        ctx.request_repaint_after(interval);
        if self.caught_up_at.elapsed() < interval {
            return;
        }
        self.caught_up_at = std::time::Instant::now();
        match workspace.catch_up() {
            Ok(true) => {
                self.generation += 1;
                self.saved = Some("decisions from another program shown".to_string());
            }
            Ok(false) => {}
            Err(error) => self.notify(Notice::error(error.to_string())),
        }
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
        let file = workspace.project().file();
        self.settings
            .remember_project(&std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf()));
        self.save_settings();
        self.drop_information();
        self.export.folder = screens::export::default_folder(workspace.project().file());
        self.export.last = None;
        self.indexes = indexes;
        self.review = ReviewState::default();
        self.workspace = Some(workspace);
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
        self.catch_up_every(&ctx, CATCH_UP_INTERVAL);
        let mut actions = action::pressed_commands(&ctx);
        if self.screen != Screen::Review {
            actions.retain(|action| !action.is_review_command());
        }
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

        for action in actions {
            self.apply(&ctx, action);
        }
        self.count_frame(&ctx);
    }

    fn navigation_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            ui.strong("Ledgerlink");
            ui.separator();
            if ui
                .selectable_label(self.screen == Screen::Start, Screen::Start.title())
                .clicked()
            {
                actions.push(Action::Show(Screen::Start));
            }
            for screen in self.available_screens() {
                if ui
                    .selectable_label(self.screen == screen, screen.title())
                    .clicked()
                {
                    actions.push(Action::Show(screen));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(action) = Action::ToggleHelp.button(ui, true) {
                    actions.push(action);
                }
            });
        });
        actions
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
                Some(workspace) => {
                    screens::duplicates::duplicates_ui(ui, &mut self.duplicates, workspace)
                }
                None => no_project_ui(ui),
            },
            Screen::Export => match &self.workspace {
                Some(_) => screens::export::export_ui(ui, &mut self.export, busy),
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

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let reviewer = self.settings.reviewer_name().unwrap_or("no reviewer yet");
            ui.label(format!("Reviewer: {reviewer}"));
            ui.separator();
            let Some(workspace) = &self.workspace else {
                ui.label("No project open");
                return;
            };
            let counts = &workspace.counts;
            ui.label(format!(
                "Reviewed {} of {}",
                counts.reviewed(),
                counts.suggested
            ));
            ui.separator();
            ui.label(format!("Links: {}", counts.links));
            ui.separator();
            ui.label(format!("Actions: {}", counts.actions));
            ui.separator();
            ui.label(format!("Unsure: {}", counts.unsure));
            ui.separator();
            let undo = if counts.can_undo {
                "Undo available"
            } else {
                "Nothing to undo"
            };
            let redo = if counts.can_redo {
                "Redo available"
            } else {
                "Nothing to redo"
            };
            ui.label(undo).on_hover_text(Action::Undo.tooltip(ui.ctx()));
            ui.label(redo).on_hover_text(Action::Redo.tooltip(ui.ctx()));
            if let Some(saved) = &self.saved {
                ui.separator();
                ui.label(format!("Saved: {saved}"));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(workspace.project().file().display().to_string());
            });
        });
    }

    /// Ask once for the reviewer's name; returns it when confirmed.
    fn reviewer_prompt_ui(&mut self, ctx: &egui::Context) -> Option<String> {
        if self.settings.reviewer_name().is_some() || self.screen == Screen::Start {
            return None;
        }
        let mut confirmed = None;
        egui::Modal::new(egui::Id::unique("reviewer_prompt")).show(ctx, |ui| {
            ui.heading("Who is reviewing?");
            ui.label("Your name is written with every decision, for the audit log.");
            let field =
                widgets::labelled_text_field(ui, "Reviewer name", &mut self.reviewer_draft, 240.0);
            let entered =
                field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            let name = self.reviewer_draft.trim().to_string();
            let save = ui.add_enabled(!name.is_empty(), egui::Button::new("Save name"));
            if (save.clicked() || entered) && !name.is_empty() {
                confirmed = Some(name);
            }
        });
        confirmed
    }

    fn dropped_files(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        let mut actions = Vec::new();
        for path in dropped {
            if let Some(action) = self.start.take_dropped_file(&path) {
                actions.push(action);
            } else {
                actions.push(Action::Show(Screen::Start));
            }
        }
        actions
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

    /// Ask the system file dialog for a file. Without a desktop portal or zenity the dialog
    /// returns at once with nothing: say so, and point to the typed path and drag and drop.
    fn pick_file(&mut self, what: &str) -> Option<PathBuf> {
        self.pick(what, |dialog| dialog.pick_file())
    }

    /// Ask the system file dialog for a folder (see [`Self::pick_file`]).
    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.pick("export folder", |dialog| dialog.pick_folder())
    }

    fn pick(
        &mut self,
        what: &str,
        show: impl FnOnce(rfd::FileDialog) -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if !self.options.file_dialogs {
            self.notify(Notice::info(no_dialog_message(what)));
            return None;
        }
        let started = std::time::Instant::now();
        let picked = show(rfd::FileDialog::new().set_title(format!("Choose the {what}")));
        if picked.is_none() && started.elapsed() < Duration::from_millis(300) {
            self.notify(Notice::info(no_dialog_message(what)));
        }
        picked
    }

    fn count_frame(&mut self, ctx: &egui::Context) {
        if self.running.is_some() {
            // Scripted runs count the frames drawn once the startup work is done.
            if self.options.exit_after_frames.is_some() {
                ctx.request_repaint();
            }
            if self.frames > 0 {
                return;
            }
        }
        self.frames += 1;
        if let Some(limit) = self.options.exit_after_frames {
            if self.frames >= limit {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint();
            }
        }
    }
}

fn no_project_ui(ui: &mut egui::Ui) -> Vec<Action> {
    ui.label("Open a project, or read two lists and match them, first.");
    Vec::new()
}

fn no_dialog_message(what: &str) -> String {
    format!(
        "No file dialog could be shown for the {what} (this desktop has no file-dialog service: \
         XDG desktop portal or zenity). Type the path in the field, or drop the file on the window."
    )
}

/// Fonts, and egui's own keyboard zoom switched off (the zoom keys are [`Action`]s).
pub fn setup_context(ctx: &egui::Context) {
    fonts::install(ctx);
    ctx.options_mut(|options| options.zoom_with_keyboard = false);
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.options.report_frame_times {
            self.bench_frame(ui.ctx(), frame.info().cpu_usage);
        }
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.options.report_frame_times {
            print_frame_report(&self.frame_seconds);
        }
    }
}

impl App {
    /// `--bench-frames`: the time to the first frame and to the first review frame, the CPU
    /// time of review-screen frames, and a step along the queue every tenth frame.
    fn bench_frame(&mut self, ctx: &egui::Context, cpu_seconds: Option<f32>) {
        let since_launch = self.options.launched.map(|launched| launched.elapsed());
        if self.frames == 0
            && let Some(elapsed) = since_launch
        {
            println!("first_frame_ms={:.0}", elapsed.as_secs_f64() * 1000.0);
        }
        if self.screen != Screen::Review || self.workspace.is_none() {
            return;
        }
        if self.frame_seconds.is_empty()
            && let Some(elapsed) = since_launch
        {
            println!(
                "first_review_frame_ms={:.0}",
                elapsed.as_secs_f64() * 1000.0
            );
        }
        if let Some(seconds) = cpu_seconds {
            self.frame_seconds.push(seconds);
        }
        if self.frame_seconds.len() % 10 == 9 {
            self.apply(ctx, Action::NextPair);
        }
    }
}

fn print_frame_report(seconds: &[f32]) {
    let mut sorted: Vec<f32> = seconds.to_vec();
    sorted.sort_by(f32::total_cmp);
    let Some(worst) = sorted.last() else {
        println!("frames=0");
        return;
    };
    let mean = sorted.iter().sum::<f32>() / sorted.len() as f32;
    let median = sorted[sorted.len() / 2];
    let p95 = sorted[sorted.len() * 95 / 100];
    println!(
        "frames={} mean_ms={:.2} median_ms={:.2} p95_ms={:.2} max_ms={:.2}",
        sorted.len(),
        mean * 1000.0,
        median * 1000.0,
        p95 * 1000.0,
        worst * 1000.0
    );
}

/// Open the workshop window and run until it is closed.
pub fn run(options: AppOptions) -> Result<(), eframe::Error> {
    let mut native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Ledgerlink")
            .with_app_id("ledgerlink")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    // The window and taskbar icon: the picture the desktop entry shows (assets/icon/).
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/ledgerlink-128.png"))
    {
        Ok(icon) => native.viewport = native.viewport.with_icon(icon),
        Err(error) => eprintln!("ledgerlink: the window icon could not be read: {error}"),
    }
    eframe::run_native(
        "Ledgerlink",
        native,
        Box::new(move |creation| {
            setup_context(&creation.egui_ctx);
            Ok(Box::new(App::new(options)))
        }),
    )
}
