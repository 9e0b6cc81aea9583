//! The long work the window hands to a background thread, each a plain function over the core
//! so that it can be tested without a window.

use std::path::PathBuf;

use crate::app::job::Progress;
use crate::app::screens::import::ListDraft;
use crate::app::screens::review::SearchIndexes;
use crate::app::workspace::Workspace;
use crate::core::import::{ColumnOverride, import_bytes, import_file};
use crate::core::matching::{MatchOptions, find_duplicates, match_lists};
use crate::core::model::Side;
use crate::core::project::{NewProject, Policy, Project, SuggestionSet};

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
    /// Where the project file goes (it must not exist yet).
    pub file: PathBuf,
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
    let options = MatchOptions::default();
    progress.stage("matching the lists", 0);
    let output = match_lists(&request.crm.dataset, &request.erp.dataset, &options);
    if progress.is_cancelled() {
        return Err("matching cancelled".to_string());
    }
    progress.stage("looking for duplicates", 0);
    let mut duplicates = find_duplicates(&request.crm.dataset, Side::Crm, &options);
    duplicates.extend(find_duplicates(&request.erp.dataset, Side::Erp, &options));
    if progress.is_cancelled() {
        return Err("matching cancelled".to_string());
    }
    progress.stage("writing the project file", 0);
    let suggestions = SuggestionSet {
        pairs: output.pairs,
        alternatives: output.alternatives,
        duplicates,
        xref_checks: output.xref_checks,
    };
    let setup = NewProject {
        crm_mapping: request.crm.mapping_text(),
        erp_mapping: request.erp.mapping_text(),
        crm: request.crm.dataset,
        erp: request.erp.dataset,
        policy: request.policy,
        by: request.by,
    };
    let project = Project::create_with_suggestions(&request.file, setup, &suggestions)
        .map_err(|error| error.to_string())?;
    progress.stage("indexing the lists for search", 0);
    let workspace = Workspace::new(project);
    let indexes = SearchIndexes::build(&workspace);
    Ok((workspace, indexes))
}

/// Read the bundled demo lists and make a fresh demo project in the temporary directory.
pub fn open_demo(by: String, progress: &Progress) -> Result<(Workspace, SearchIndexes), String> {
    progress.stage("reading the demo lists", 0);
    let crm =
        import_bytes("crm_accounts.csv", DEMO_CRM, None, &[]).map_err(|error| error.to_string())?;
    let erp = import_bytes("erp_customers.xlsx", DEMO_ERP, None, &[])
        .map_err(|error| error.to_string())?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_millis())
        .unwrap_or_default();
    let file = std::env::temp_dir().join(format!(
        "ledgerlink-demo-{}-{stamp}.ledgerlink",
        std::process::id()
    ));
    let request = MatchRequest {
        file,
        crm: ListDraft::new("crm_accounts.csv".to_string(), crm),
        erp: ListDraft::new("erp_customers.xlsx".to_string(), erp),
        policy: Policy::default(),
        by,
    };
    match_and_create(request, progress)
}
