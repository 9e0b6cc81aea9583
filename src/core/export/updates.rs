//! `crm_updates.csv` and `erp_updates.csv`: what an import tool (Salesforce Data Loader, a
//! Dynamics import, the ERP's customer import) needs to write each system's number into the
//! other: two columns, the record's own id and the cross-reference field, under the header
//! names the system's export used (`Id,ERP_Customer_No__c`). When the export had no
//! cross-reference column, a plain default name is used and the import tool maps it.
//!
//! Only links whose cross-reference would change are written: a CRM account whose ERP number
//! field already holds its partner's number (compared as ids: `00100234` = `100234`) needs no
//! update. A record without an id cannot be addressed by an import tool and is left out (the
//! summary counts it). A record linked to several marked duplicates gets its master's number.

use crate::core::model::{Role, Side};
use crate::core::normalize::ids::record_id;
use crate::core::project::Project;

use super::records::{header_of, marked_duplicates, preferred_partner, system_id};
use super::table::{Cell, Table};

/// The CRM update file.
pub const CRM_FILE: &str = "crm_updates.csv";
/// The ERP update file.
pub const ERP_FILE: &str = "erp_updates.csv";
/// The CRM cross-reference column when the CRM export had none.
pub const DEFAULT_CRM_XREF: &str = "ERP_Customer_Number";
/// The ERP cross-reference column when the ERP export had none.
pub const DEFAULT_ERP_XREF: &str = "CRM_Account_Id";
/// The CRM id column when the CRM export had no id column.
pub const DEFAULT_CRM_ID: &str = "Id";
/// The ERP id column when the ERP export had no id column.
pub const DEFAULT_ERP_ID: &str = "Customer_Number";

/// An update table and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Updates {
    /// The file's rows.
    pub table: Table,
    /// Linked records whose cross-reference already holds the right number.
    pub already_right: usize,
    /// Linked records without an id (or whose partner has none): not addressable.
    pub without_id: usize,
}

/// `crm_updates.csv`: CRM id and the ERP number to write into the CRM.
pub fn crm_updates(project: &Project) -> Updates {
    updates(project, Side::Crm, CRM_FILE, "CRM updates")
}

/// `erp_updates.csv`: ERP customer number and the CRM id to write into the ERP.
pub fn erp_updates(project: &Project) -> Updates {
    updates(project, Side::Erp, ERP_FILE, "ERP updates")
}

fn default_names(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Crm => (DEFAULT_CRM_ID, DEFAULT_CRM_XREF),
        Side::Erp => (DEFAULT_ERP_ID, DEFAULT_ERP_XREF),
    }
}

fn updates(project: &Project, side: Side, file: &'static str, sheet: &'static str) -> Updates {
    let (default_id, default_xref) = default_names(side);
    let id_header = header_of(project, side, Role::Id).unwrap_or_else(|| default_id.to_string());
    let xref_header =
        header_of(project, side, Role::Xref).unwrap_or_else(|| default_xref.to_string());
    let mut result = Updates {
        table: Table::new(file, sheet, vec![id_header, xref_header]),
        already_right: 0,
        without_id: 0,
    };
    let duplicates = marked_duplicates(project, side.other());
    let list = project.list(side);
    for key in list.keys() {
        let Some(partner_key) = preferred_partner(project, side, key, &duplicates) else {
            continue;
        };
        let (Some(record), Some(partner)) =
            (list.record(key), project.record(side.other(), partner_key))
        else {
            continue;
        };
        let (own_id, partner_id) = (system_id(&record), system_id(&partner));
        if own_id.is_empty() || partner_id.is_empty() {
            result.without_id += 1;
            continue;
        }
        let current = record.value(Role::Xref);
        if current.is_some_and(|xref| record_id(xref) == record_id(&partner_id)) {
            result.already_right += 1;
            continue;
        }
        result
            .table
            .push(vec![Cell::Text(own_id), Cell::Text(partner_id)]);
    }
    result
}
