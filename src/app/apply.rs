//! Applying the actions the screens returned, once the frame is drawn.

use super::action::{Action, Command, Screen};
use std::path::PathBuf;

use super::decide::Verdict;
use super::job::{Job, JobEnd};
use super::notice::Notice;
use super::screens::review::SearchIndexes;
use super::work::{self, ListRequest};
use super::workspace::Workspace;
use super::{App, Running, screens};
use crate::core::model::Side;
use crate::core::project::Location;

impl App {
    /// Apply one action. The match is exhaustive: a new action does not compile until it is
    /// handled here. Review commands and decisions with no project open do nothing.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => self.run_command(ctx, command),
            Action::Show(screen) => {
                // Notices speak of the step just taken: the next step clears them.
                if screen != self.screen {
                    self.notices.clear();
                }
                self.screen = screen;
            }
            Action::BrowseList(side) => self.browse_list(side),
            Action::BrowseProject => {
                if let Some(path) = self.pick_file("project") {
                    self.start.open_path = path.display().to_string();
                }
            }
            Action::LoadLists => self.load_lists(ctx),
            Action::OpenProject(path) => self.open_project(ctx, path),
            Action::Assign(rule) => self.assign(&rule),
            Action::BrowseExportFolder => {
                if let Some(folder) = self.pick_folder() {
                    self.export.folder = folder.display().to_string();
                }
            }
            Action::Export(dir, options) => self.export(ctx, dir, options),
            Action::PreviewExport => self.preview_export(ctx),
            Action::OpenDemo => self.open_demo(ctx, false),
            Action::ResetDemo => self.open_demo(ctx, true),
            Action::ChooseSheet { side, sheet } => self.choose_sheet(ctx, side, &sheet),
            Action::SetRole { side, column, role } => {
                if let Some(draft) = self.import.draft_mut(side) {
                    draft.set_role(column, role);
                }
            }
            Action::StartMatching => self.start_matching(ctx),
            Action::CancelJob => self.cancel_job(),
            Action::SelectPair(item) => self.review.current = Some(item),
            Action::Accept { crm_row, erp_row } => {
                self.decide_pair(crm_row, erp_row, Verdict::Accept);
            }
            Action::Reject { crm_row, erp_row } => {
                self.decide_pair(crm_row, erp_row, Verdict::Reject);
            }
            Action::Link { crm_row, erp_row } => self.link(crm_row, erp_row),
            Action::BulkAccept { threshold } => self.bulk_accept(threshold),
            Action::MarkDuplicates { side, master, rows } => {
                self.mark_duplicates(side, master, &rows);
            }
            Action::MarkNotDuplicates { side, rows } => self.mark_not_duplicates(side, &rows),
            Action::SetCreation {
                side,
                rows,
                creation,
            } => self.set_creation(side, &rows, creation),
            Action::ChooseColumns { side, headers } => self.choose_columns(side, headers),
            Action::SetReviewer(name) => {
                self.settings.reviewer = Some(name);
                self.save_settings();
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
        }
    }

    /// Run a command from a button or the keyboard (exhaustive, like [`App::apply`]).
    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::AcceptCurrent => self.decide_current(Verdict::Accept),
            Command::RejectCurrent => self.decide_current(Verdict::Reject),
            Command::UnsureCurrent => self.decide_current(Verdict::Unsure),
            Command::SkipCurrent => self.advance_to_next_open(),
            Command::NextPair => self.review.step(1),
            Command::PreviousPair => self.review.step(-1),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::FocusSearch => {
                if self.workspace.is_some() {
                    self.screen = Screen::Review;
                    self.review.focus_search = true;
                }
            }
            Command::ZoomIn => self.zoom(ctx, 0.1),
            Command::ZoomOut => self.zoom(ctx, -0.1),
            Command::ToggleHelp => self.help_open = !self.help_open,
        }
    }

    fn browse_list(&mut self, side: Side) {
        if let Some(path) = self.pick_file(&format!("{side} list")) {
            *self.start.list_path_mut(side) = path.display().to_string();
            self.start.suggest_project_path();
        }
    }

    fn load_lists(&mut self, ctx: &egui::Context) {
        self.drop_information();
        let requests = [Side::Crm, Side::Erp].map(|side| ListRequest {
            side,
            spec: self.start.list_path_mut(side).trim().to_string(),
            mapping: Vec::new(),
        });
        self.read_lists(ctx, requests.to_vec());
    }

    fn choose_sheet(&mut self, ctx: &egui::Context, side: Side, sheet: &str) {
        if let Some(draft) = self.import.draft(side) {
            let request = ListRequest {
                side,
                spec: work::with_sheet(&draft.spec, sheet),
                mapping: Vec::new(),
            };
            self.read_lists(ctx, vec![request]);
        }
    }

    fn open_demo(&mut self, ctx: &egui::Context, reset: bool) {
        let by = self.reviewer();
        let file = self
            .options
            .demo_file
            .clone()
            .unwrap_or_else(work::default_demo_file);
        self.spawn_project_job(ctx, "demo", "Building the demo", move |progress| {
            work::open_demo(&file, by, reset, progress)
        });
    }

    fn cancel_job(&mut self) {
        if let Some(running) = self.running.take() {
            running.cancel();
            let text = match running {
                Running::Export(_) => {
                    "Export cancelled: a file being written is finished whole; \
                     files not yet written keep their previous content."
                }
                Running::Lists(_) | Running::Project(_) => "Cancelled; nothing was changed.",
            };
            self.notify(Notice::info(text));
        }
    }

    fn open_project(&mut self, ctx: &egui::Context, location: Location) {
        self.spawn_project_job(ctx, "open", "Opening the project", move |progress| {
            progress.stage(&format!("reading {location}"), 0);
            let workspace = Workspace::open(&location).map_err(|error| error.to_string())?;
            progress.stage("indexing the lists for search", 0);
            let indexes = SearchIndexes::build(&workspace);
            Ok((workspace, indexes))
        });
    }

    /// Write the export on a background thread, from the project file as it is now (every
    /// decision is already in it), so that the window stays responsive.
    fn export(
        &mut self,
        ctx: &egui::Context,
        dir: PathBuf,
        options: crate::core::export::ExportOptions,
    ) {
        let Some(workspace) = &self.workspace else {
            return;
        };
        if self.running.is_some() {
            return;
        }
        let location = workspace.project().location().clone();
        let spawned = Job::spawn("export", "Exporting", ctx, move |progress| {
            work::export(&location, &dir, &options, progress)
        });
        match spawned {
            Ok(job) => self.running = Some(Running::Export(job)),
            Err(error) => self.notify(Notice::error(format!(
                "could not start the export: {error}"
            ))),
        }
    }

    /// Build the Export screen's preview on a background thread, from the project file as it
    /// is now; it does not block other work.
    fn preview_export(&mut self, ctx: &egui::Context) {
        let Some(workspace) = &self.workspace else {
            return;
        };
        let location = workspace.project().location().clone();
        let generation = self.generation;
        let spawned = Job::spawn("preview", "Previewing the export", ctx, move |progress| {
            work::preview_export(&location, progress)
        });
        match spawned {
            Ok(job) => self.export.set_preview_job(generation, job),
            Err(error) => self.export.preview_failed(generation, error.to_string()),
        }
    }

    fn start_matching(&mut self, ctx: &egui::Context) {
        let (Some(crm), Some(erp)) = (self.import.crm.clone(), self.import.erp.clone()) else {
            return;
        };
        if self.start.project_path.trim().is_empty() {
            self.notify(Notice::error(
                "name the new project file on the start screen first",
            ));
            return;
        }
        let request = work::MatchRequest {
            location: screens::start::typed_location(&self.start.project_path),
            crm,
            erp,
            policy: self.import.policy,
            by: self.reviewer(),
        };
        self.spawn_project_job(ctx, "match", "Matching", move |progress| {
            work::match_and_create(request, progress)
        });
    }

    /// Start work that ends in an open project (open, match, demo).
    fn spawn_project_job<F>(&mut self, ctx: &egui::Context, name: &str, title: &str, work: F)
    where
        F: FnOnce(&super::job::Progress) -> Result<(Workspace, SearchIndexes), String>
            + Send
            + 'static,
    {
        if self.running.is_some() {
            return;
        }
        match Job::spawn(name, title, ctx, work) {
            Ok(job) => self.running = Some(Running::Project(job)),
            Err(error) => self
                .notices
                .push(Notice::error(format!("could not start {title}: {error}"))),
        }
    }

    fn read_lists(&mut self, ctx: &egui::Context, requests: Vec<ListRequest>) {
        if self.running.is_some() {
            return;
        }
        let spawned = Job::spawn("import", "Reading", ctx, move |progress| {
            work::read_lists(&requests, progress)
        });
        match spawned {
            Ok(job) => self.running = Some(Running::Lists(job)),
            Err(error) => self.notify(Notice::error(format!(
                "could not start reading the lists: {error}"
            ))),
        }
    }

    /// Take the result of finished background work.
    pub(super) fn poll_running(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.running else {
            return;
        };
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        match running {
            Running::Project(job) => {
                let Some(end) = job.poll() else {
                    return;
                };
                self.running = None;
                match end {
                    JobEnd::Done((workspace, indexes)) => self.show_workspace(workspace, indexes),
                    JobEnd::Failed(message) => self.notify(Notice::error(message)),
                }
            }
            Running::Export(job) => {
                let Some(end) = job.poll() else {
                    return;
                };
                self.running = None;
                match end {
                    JobEnd::Done(summary) => {
                        let rows: usize = summary.files.iter().map(|file| file.rows).sum();
                        self.notify(Notice::info(format!(
                            "Export written: {} files, {rows} rows, in {}",
                            summary.files.len(),
                            summary.dir.display()
                        )));
                        self.export.last = Some(summary);
                    }
                    JobEnd::Failed(message) => self.notify(Notice::error(message)),
                }
            }
            Running::Lists(job) => {
                let Some(end) = job.poll() else {
                    return;
                };
                self.running = None;
                match end {
                    JobEnd::Done(read) => {
                        if read.crm.is_some() {
                            self.import.crm = read.crm;
                        }
                        if read.erp.is_some() {
                            self.import.erp = read.erp;
                        }
                        self.screen = Screen::Import;
                    }
                    JobEnd::Failed(message) => self.notify(Notice::error(message)),
                }
            }
        }
    }

    /// Wait for the background work to end (tests and scripted runs), at most `seconds`.
    pub fn wait_for_work(&mut self, ctx: &egui::Context, seconds: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while self.running.is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.poll_running(ctx);
        }
    }

    /// The screens reachable from the navigation bar now.
    pub(super) fn available_screens(&self) -> Vec<Screen> {
        let mut screens = Vec::new();
        if self.import.crm.is_some() || self.import.erp.is_some() {
            screens.push(Screen::Import);
        }
        if self.workspace.is_some() {
            screens.extend([
                Screen::Review,
                Screen::Duplicates,
                Screen::Unmatched,
                Screen::Reviewers,
                Screen::Export,
            ]);
        }
        screens
    }
}
