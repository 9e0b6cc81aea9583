//! The long work the window hands to a background thread, each a plain function over the core
//! so that it can be tested without a window.

use std::path::{Path, PathBuf};

use crate::app::job::Progress;
use crate::app::screens::export::PREVIEW_ROWS;
use crate::app::screens::import::ListDraft;
use crate::app::screens::review::SearchIndexes;
use crate::app::workspace::Workspace;
use crate::core::export::{ExportOptions, ExportPreview, ExportSummary, export_project};
use crate::core::import::{ColumnOverride, import_bytes, import_file};
use crate::core::matching::MatchObserver;
use crate::core::model::Side;
use crate::core::project::{Location, NewProject, Policy, Project};

/// The bundled demo CRM export (`assets/demo`, made by `ledgerlink synth`).
const DEMO_CRM: &[u8] = include_bytes!("../../assets/demo/crm_accounts.csv");
/// The bundled demo ERP list.
const DEMO_ERP: &[u8] = include_bytes!("../../assets/demo/erp_customers.xlsx");

/// A list to read: which one, the file (`path` or `path#Sheet`), and the roles set by hand.
#[derive(Debug, Clone)]
pub struct ListRequest {
    /// CRM or ERP.
    pub side: Side,
    /// The file as typed.
    pub spec: String,
    /// Roles set by hand, applied after detection.
    pub mapping: Vec<ColumnOverride>,
}

/// Lists read, by side.
#[derive(Debug, Default)]
pub struct ListsRead {
    /// The CRM list, when it was asked for.
    pub crm: Option<ListDraft>,
    /// The ERP list, when it was asked for.
    pub erp: Option<ListDraft>,
}

/// Read the requested lists with the importer. The error names the file (and sheet, row and
/// column where they apply).
pub fn read_lists(requests: &[ListRequest], progress: &Progress) -> Result<ListsRead, String> {
    let mut read = ListsRead::default();
    for request in requests {
        if progress.is_cancelled() {
            return Err("reading cancelled".to_string());
        }
        progress.stage(&format!("reading the {} list", request.side), 0);
        let dataset = import_file(request.spec.trim(), &request.mapping)
            .map_err(|error| error.to_string())?;
        let mut draft = ListDraft::new(request.spec.trim().to_string(), dataset);
        draft.mapping = request.mapping.clone();
        match request.side {
            Side::Crm => read.crm = Some(draft),
            Side::Erp => read.erp = Some(draft),
        }
    }
    Ok(read)
}

/// `path#Sheet` for another sheet of the same workbook.
pub fn with_sheet(spec: &str, sheet: &str) -> String {
    let (file, _) = crate::core::import::split_spec(spec);
    format!("{file}#{sheet}")
}

/// Everything needed to create a project from two read lists.
#[derive(Debug, Clone)]
pub struct MatchRequest {
    /// Where the project goes: a file, or a project on a server (it must not exist yet).
    pub location: Location,
    /// The CRM list as read and mapped.
    pub crm: ListDraft,
    /// The ERP list as read and mapped.
    pub erp: ListDraft,
    /// The creation policy.
    pub policy: Policy,
    /// Who makes the project.
    pub by: String,
}

/// Match the two lists, find duplicates in each, and write the project file; then open it
/// for the screens.
pub fn match_and_create(
    request: MatchRequest,
    progress: &Progress,
) -> Result<(Workspace, SearchIndexes), String> {
    let setup = NewProject {
        crm_mapping: request.crm.mapping_text(),
        erp_mapping: request.erp.mapping_text(),
        crm: request.crm.dataset,
        erp: request.erp.dataset,
        policy: request.policy,
        by: request.by,
    };
    let project = Project::create_observed(&request.location, setup, progress)
        .map_err(|error| error.to_string())?
        .ok_or_else(|| "matching cancelled".to_string())?;
    progress.stage("indexing the lists for search", 0);
    let workspace = Workspace::new(project);
    let indexes = SearchIndexes::build(&workspace);
    Ok((workspace, indexes))
}

/// Where the demo project goes: `demo.ledgerlink` in the user's data folder
/// (`$XDG_DATA_HOME/ledgerlink`, else `~/.local/share/ledgerlink`), else in the temporary
/// folder. Each demo run replaces it, so demo projects do not pile up.
pub fn default_demo_file() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("share"))
        });
    match data {
        Some(dir) => dir.join("ledgerlink").join("demo.ledgerlink"),
        None => std::env::temp_dir().join("ledgerlink-demo.ledgerlink"),
    }
}

/// Write every export file of the project `file` into `dir` (a second, read-only use of the
/// project, so that the window keeps working meanwhile).
pub fn export(
    location: &Location,
    dir: &Path,
    options: &ExportOptions,
    progress: &Progress,
) -> Result<ExportSummary, String> {
    progress.stage(&format!("reading {location}"), 0);
    let project = Project::open(location).map_err(|error| error.to_string())?;
    if progress.is_cancelled() {
        return Err("export cancelled".to_string());
    }
    progress.stage(&format!("writing into {}", dir.display()), 0);
    export_project(&project, dir, options).map_err(|error| error.to_string())
}

/// The Export screen's preview of the project `file`: each file's first rows and count,
/// computed without writing (a second, read-only use of the project).
pub fn preview_export(location: &Location, progress: &Progress) -> Result<ExportPreview, String> {
    progress.stage(&format!("reading {location}"), 0);
    let project = Project::open(location).map_err(|error| error.to_string())?;
    progress.stage("building the export tables", 0);
    crate::core::export::preview_export(&project, PREVIEW_ROWS).map_err(|error| error.to_string())
}

/// Open the demo project at `file` with the decisions taken in it so far; when there is none
/// (or `reset` asks for a fresh one), read the bundled demo lists and make it anew.
pub fn open_demo(
    file: &Path,
    by: String,
    reset: bool,
    progress: &Progress,
) -> Result<(Workspace, SearchIndexes), String> {
    if !reset && file.exists() {
        progress.stage(&format!("reading {}", file.display()), 0);
        if let Ok(project) = Project::open(file) {
            let workspace = Workspace::new(project);
            let indexes = SearchIndexes::build(&workspace);
            return Ok((workspace, indexes));
        }
    }
    progress.stage("reading the demo lists", 0);
    let crm =
        import_bytes("crm_accounts.csv", DEMO_CRM, None, &[]).map_err(|error| error.to_string())?;
    let erp = import_bytes("erp_customers.xlsx", DEMO_ERP, None, &[])
        .map_err(|error| error.to_string())?;
    if let Some(dir) = file.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|error| format!("{}: cannot make the folder: {error}", dir.display()))?;
    }
    Project::remove(file).map_err(|error| error.to_string())?;
    let request = MatchRequest {
        location: file.into(),
        crm: ListDraft::new("crm_accounts.csv".to_string(), crm),
        erp: ListDraft::new("erp_customers.xlsx".to_string(), erp),
        policy: Policy::default(),
        by,
    };
    match_and_create(request, progress)
}

/// Matching reports its steps in the progress bar and stops at the next step after Cancel.
impl MatchObserver for Progress {
    fn step(&self, name: &str) {
        self.stage(name, 0);
    }

    fn cancelled(&self) -> bool {
        self.is_cancelled()
    }
}
