//! `create_in_erp.csv` and `create_in_crm.csv`: the records to create in the other system,
//! with their fields under the column names the target system's export used (so its import
//! tool maps them at once; plain English names where it had no such column), the source id in
//! the target's cross-reference column, and how the action came about.
//!
//! Countries follow the target's style: when its export writes ISO codes (`DE`), a country
//! written as a name (`Germany`, `Deutschland`) is converted to its code.
//!
//! Rows: every unlinked record whose action is the creation, decided in the workshop or given
//! by the creation policy's default. Under a policy that forbids creating ERP accounts, the
//! CRM customers that need one are listed in `create_in_erp.csv` too (`needs_erp_account`):
//! the AR clerk's keying worklist.
//!
//! The rows are the project's worklist ([`Project::worklist`]): a record that probably exists in
//! the other system (an open pair, a candidate linked to another record, an undecided duplicate
//! cluster) is held out with a note that counts it, and a marked duplicate is never created (it
//! is merged into its master: `merge_in_*.csv`). A creation the workshop decided for a record
//! that is no marked duplicate is written.
//!
//! The ERP number column follows the policy: left blank when the ERP generates numbers; filled
//! with proposed numbers when the workshop assigns them ([`numbering`](super::numbering)).

use crate::core::model::{Role, Side};
use crate::core::normalize::address::country_code;
use crate::core::project::{ActionState, NumberSource, Project, RecordView, UnlinkedRecord};

use super::lengths::length_notes;
use super::numbering::NumberProposals;
use super::records::{header_of, system_id};
use super::table::{Cell, Table};
use super::updates::{DEFAULT_CRM_XREF, DEFAULT_ERP_ID, DEFAULT_ERP_XREF};

/// The ERP creation file.
pub const ERP_FILE: &str = "create_in_erp.csv";
/// The CRM creation file.
pub const CRM_FILE: &str = "create_in_crm.csv";

/// The fields carried over, with the header used when the target had no such column. Roles
/// marked `false` are only written when the target export had the column.
const FIELDS: [(Role, &str, bool); 12] = [
    (Role::Name, "Name", true),
    (Role::Street, "Street", true),
    (Role::HouseNumber, "House number", false),
    (Role::Address2, "Address line 2", false),
    (Role::Postcode, "Postcode", true),
    (Role::City, "City", true),
    (Role::Region, "Region", false),
    (Role::Country, "Country", true),
    (Role::Phone, "Phone", true),
    (Role::Email, "Email", true),
    (Role::Website, "Website", false),
    (Role::TaxId, "Tax ID", true),
];

/// A creation table and the notes the summary shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Creations {
    /// The file's rows.
    pub table: Table,
    /// Plain-language notes (how numbers were proposed ...).
    pub notes: Vec<String>,
}

/// The columns of the target list a record is written into.
struct Layout {
    roles: Vec<(Role, String)>,
    /// The target list writes countries as ISO codes (`DE`), so names are converted.
    country_codes: bool,
}

/// True when most countries of `side`'s list are written as two-letter codes (`DE`, `FR`).
fn writes_country_codes(project: &Project, side: Side) -> bool {
    let dataset = project.dataset(side);
    let Some(column) = dataset.column_of(Role::Country) else {
        return false;
    };
    let (mut codes, mut filled) = (0usize, 0usize);
    for row in 0..dataset.len() {
        let text = dataset.cells.cell(row, column).trim();
        if text.is_empty() {
            continue;
        }
        filled += 1;
        codes += usize::from(text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()));
        if filled == 1_000 {
            break;
        }
    }
    filled > 0 && codes * 5 >= filled * 4
}

impl Layout {
    fn for_target(project: &Project, target: Side) -> Layout {
        let roles = FIELDS
            .iter()
            .filter_map(
                |&(role, default, always)| match header_of(project, target, role) {
                    Some(header) => Some((role, header)),
                    None => always.then(|| (role, default.to_string())),
                },
            )
            .collect();
        Layout {
            roles,
            country_codes: writes_country_codes(project, target),
        }
    }

    fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|(wanted, _)| *wanted == role)
    }

    /// The record's value for each column of the layout.
    fn values(&self, record: &RecordView<'_>) -> Vec<Cell> {
        let own = |role: Role| record.value(role).unwrap_or("").trim().to_string();
        self.roles
            .iter()
            .map(|&(role, _)| {
                let text = match role {
                    Role::Name => record.name(),
                    Role::Street if !self.has(Role::HouseNumber) => {
                        format!("{} {}", own(Role::Street), own(Role::HouseNumber))
                            .trim()
                            .to_string()
                    }
                    Role::Country if self.country_codes => {
                        let country = own(Role::Country);
                        country_code(&country).map_or(country, str::to_string)
                    }
                    other => own(other),
                };
                Cell::Text(text)
            })
            .collect()
    }
}

/// The basis of an action: `decided`, `default` or `needs_erp_account`, and the note.
fn basis(state: &ActionState<'_>) -> (Cell, Cell) {
    let note = match state {
        ActionState::Decided(_, entry) => entry.note.clone().unwrap_or_default(),
        _ => String::new(),
    };
    (Cell::text(state.as_str()), Cell::Text(note))
}

/// The records of `side` that go into its creation file, as the project's worklist gives them
/// (the same rows the Unmatched screen shows), and the note about the records held out.
fn records_to_create<'a>(
    project: &'a Project,
    side: Side,
    file: &str,
) -> (Vec<UnlinkedRecord<'a>>, Option<String>) {
    let worklist = project.worklist();
    let records: Vec<UnlinkedRecord<'a>> = worklist.to_create(side).copied().collect();
    let held = worklist.counts(side).held;
    let waiting = held.waiting();
    let note = (waiting > 0).then(|| {
        format!(
            "{file}: {} held out because they probably exist in the other system or are \
             duplicates ({} with an open pair, {} probable second accounts of a linked record, \
             {} in an undecided duplicate cluster); decide them and export again",
            records_text(waiting),
            held.open_pair,
            held.second_account,
            held.duplicate_cluster
        )
    });
    (records, note)
}

/// "1 record", "12 records".
fn records_text(count: usize) -> String {
    match count {
        1 => "1 record".to_string(),
        count => format!("{count} records"),
    }
}

/// `create_in_erp.csv`: CRM records to create as ERP customers.
pub fn create_in_erp(project: &Project) -> Creations {
    let layout = Layout::for_target(project, Side::Erp);
    let number_header =
        header_of(project, Side::Erp, Role::Id).unwrap_or_else(|| DEFAULT_ERP_ID.to_string());
    let source_header =
        header_of(project, Side::Erp, Role::Xref).unwrap_or_else(|| DEFAULT_ERP_XREF.to_string());
    let mut header = vec![number_header];
    header.extend(layout.roles.iter().map(|(_, name)| name.clone()));
    header.extend([source_header, "decision".to_string(), "note".to_string()]);
    let mut table = Table::new(ERP_FILE, "Create in ERP", header);
    let (records, held_note) = records_to_create(project, Side::Crm, ERP_FILE);
    let mut proposals = match project.policy().erp_numbers {
        NumberSource::Workshop => Some(NumberProposals::after_highest(project)),
        NumberSource::Erp => None,
    };
    for unlinked in &records {
        let Some(record) = project.record(Side::Crm, unlinked.key) else {
            continue;
        };
        let number = proposals
            .as_mut()
            .and_then(NumberProposals::take_next)
            .unwrap_or_default();
        let mut row = vec![Cell::Text(number)];
        row.extend(layout.values(&record));
        let (decision, note) = basis(&unlinked.state);
        row.extend([Cell::Text(system_id(&record)), decision, note]);
        table.push(row);
    }
    let mut notes = numbering_notes(proposals.as_ref(), records.len());
    notes.extend(held_note);
    notes.extend(length_notes(project, Side::Erp, &layout.roles, &table, 1));
    Creations { table, notes }
}

fn numbering_notes(proposals: Option<&NumberProposals>, rows: usize) -> Vec<String> {
    match proposals {
        None => vec![
            "create_in_erp.csv: the ERP generates new account numbers, so the number column is \
             left blank"
                .to_string(),
        ],
        Some(_) if rows == 0 => Vec::new(),
        Some(proposals) => vec![proposals.describe()],
    }
}

/// `create_in_crm.csv`: ERP customers to create as CRM accounts (type Customer when the CRM
/// has an account-type column).
pub fn create_in_crm(project: &Project) -> Creations {
    let layout = Layout::for_target(project, Side::Crm);
    let xref_header =
        header_of(project, Side::Crm, Role::Xref).unwrap_or_else(|| DEFAULT_CRM_XREF.to_string());
    let type_header = header_of(project, Side::Crm, Role::AccountType);
    let mut header: Vec<String> = layout.roles.iter().map(|(_, name)| name.clone()).collect();
    header.push(xref_header);
    header.extend(type_header.iter().cloned());
    header.extend(["decision".to_string(), "note".to_string()]);
    let mut table = Table::new(CRM_FILE, "Create in CRM", header);
    let (records, held_note) = records_to_create(project, Side::Erp, CRM_FILE);
    for unlinked in records {
        let Some(record) = project.record(Side::Erp, unlinked.key) else {
            continue;
        };
        let mut row = layout.values(&record);
        row.push(Cell::Text(system_id(&record)));
        if type_header.is_some() {
            row.push(Cell::text("Customer"));
        }
        let (decision, note) = basis(&unlinked.state);
        row.extend([decision, note]);
        table.push(row);
    }
    let mut notes: Vec<String> = held_note.into_iter().collect();
    notes.extend(length_notes(project, Side::Crm, &layout.roles, &table, 0));
    Creations { table, notes }
}
