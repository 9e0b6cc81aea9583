//! The long work the window hands to a background thread, each a plain function over the core
//! so that it can be tested without a window.

use crate::app::job::Progress;
use crate::app::screens::import::ListDraft;
use crate::core::import::{ColumnOverride, import_file};
use crate::core::model::Side;

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
