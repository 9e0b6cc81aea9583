//! One chunk of firms turned into rows: records of both lists in shuffled order, their ids, the
//! cross-references resolved, and the truth about them.

use rayon::prelude::*;

use super::crm::{self, CRM_XREF, CrmDraft, XrefPlan};
use super::erp::{self, ErpDraft};
use super::firm::Firm;
use super::ids::{ErpIdStyle, ErpNumbers, SalesforceIds};
use super::rng::{Rng, Stream};
use super::traits::Traits;

/// What a CRM record's ERP number really points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrefTruth {
    /// An ERP record of the same firm.
    Confirmed,
    /// No ERP record has that number.
    UnknownNumber,
    /// An ERP record of another firm.
    Contradicted,
}

impl XrefTruth {
    /// The status word used in `truth_xref.csv` (the same words as `match --check-xref`).
    pub fn as_str(self) -> &'static str {
        match self {
            XrefTruth::Confirmed => "confirmed",
            XrefTruth::UnknownNumber => "unknown_number",
            XrefTruth::Contradicted => "contradicted",
        }
    }
}

/// A finished record: its cells (id first), its firm and what was done to it.
#[derive(Debug, Clone)]
pub struct Row {
    /// The cells in header order; the first is the record's id.
    pub cells: Vec<String>,
    /// Number of the firm behind the record.
    pub firm: u64,
    /// What was done to the record.
    pub traits: Traits,
}

/// The rows and truth of one chunk; pairs refer to rows by position in this chunk.
#[derive(Debug, Default)]
pub struct Chunk {
    /// CRM rows in export order.
    pub crm: Vec<Row>,
    /// ERP rows in export order (ascending customer number).
    pub erp: Vec<Row>,
    /// Every (CRM row, ERP row) pair of the same firm.
    pub links: Vec<(usize, usize)>,
    /// The pairs of a one-to-one assignment: the firm's n-th CRM record with its n-th ERP record.
    pub links_one_to_one: Vec<(usize, usize)>,
    /// Pairs of CRM rows of the same firm.
    pub crm_duplicates: Vec<(usize, usize)>,
    /// Pairs of ERP rows of the same firm.
    pub erp_duplicates: Vec<(usize, usize)>,
    /// CRM rows holding an ERP number, with what that number really points to.
    pub xrefs: Vec<(usize, XrefTruth)>,
}

/// Turns chunks of firms into rows, keeping the id sequences across chunks.
#[derive(Debug)]
pub struct ChunkBuilder {
    seed: u64,
    erp_numbers: ErpNumbers,
    crm_ids: SalesforceIds,
}

/// Rows of each firm of the chunk, by copy number.
struct FirmRows {
    crm: Vec<Vec<usize>>,
    erp: Vec<Vec<usize>>,
}

impl FirmRows {
    fn new(firms: usize) -> Self {
        FirmRows {
            crm: vec![Vec::new(); firms],
            erp: vec![Vec::new(); firms],
        }
    }
}

impl ChunkBuilder {
    /// A builder for the data set made from `seed`.
    pub fn new(seed: u64, style: ErpIdStyle) -> Self {
        let mut rng = Rng::stream(seed, Stream::Dataset, 0);
        ChunkBuilder {
            seed,
            erp_numbers: ErpNumbers::new(style, &mut rng),
            crm_ids: SalesforceIds::new(&mut rng),
        }
    }

    /// Build chunk number `chunk` holding firms `first..end`.
    pub fn build(&mut self, chunk: u64, first: u64, end: u64) -> Chunk {
        let seed = self.seed;
        // Every firm and record draws from its own random stream, so generating them in
        // parallel gives the same rows as generating them one by one.
        let firms: Vec<Firm> = (first..end)
            .into_par_iter()
            .map(|index| Firm::generate(seed, index))
            .collect();
        let mut rng = Rng::stream(seed, Stream::Chunk, chunk);
        let mut erp_drafts: Vec<ErpDraft> = firms
            .par_iter()
            .enumerate()
            .flat_map_iter(|(slot, firm)| erp::drafts(firm, slot, seed))
            .collect();
        let mut crm_drafts: Vec<CrmDraft> = firms
            .par_iter()
            .enumerate()
            .flat_map_iter(|(slot, firm)| crm::drafts(firm, slot, seed))
            .collect();
        rng.shuffle(&mut erp_drafts);
        rng.shuffle(&mut crm_drafts);

        let mut out = Chunk::default();
        let mut rows = FirmRows::new(firms.len());
        let mut numbers = Vec::with_capacity(erp_drafts.len());
        let mut deleted = Vec::new();
        for draft in erp_drafts {
            let number = self.erp_numbers.next_number(&mut rng, &mut deleted);
            let mut cells = draft.cells;
            cells[0] = self.erp_numbers.format(number);
            place(&mut rows.erp[draft.slot], draft.copy, out.erp.len());
            numbers.push(number);
            out.erp.push(Row {
                cells,
                firm: firms[draft.slot].index,
                traits: draft.traits,
            });
        }
        for draft in crm_drafts {
            let resolved = self.resolve_xref(&draft, &firms, &rows, &numbers, &deleted, &mut rng);
            let mut cells = draft.cells;
            cells[0] = self.crm_ids.next_id(&mut rng);
            let row = out.crm.len();
            place(&mut rows.crm[draft.slot], draft.copy, row);
            let mut traits = draft.traits;
            if let Some((text, truth)) = resolved {
                cells[CRM_XREF] = text;
                traits.insert_if(truth == XrefTruth::UnknownNumber, Traits::XREF_UNKNOWN);
                traits.insert_if(truth == XrefTruth::Contradicted, Traits::XREF_CONTRADICTED);
                out.xrefs.push((row, truth));
            }
            out.crm.push(Row {
                cells,
                firm: firms[draft.slot].index,
                traits,
            });
        }
        collect_truth(&rows, &mut out);
        out
    }

    fn resolve_xref(
        &self,
        draft: &CrmDraft,
        firms: &[Firm],
        rows: &FirmRows,
        numbers: &[u64],
        deleted: &[u64],
        rng: &mut Rng,
    ) -> Option<(String, XrefTruth)> {
        let own = &rows.erp[draft.slot];
        match draft.xref {
            XrefPlan::None => None,
            XrefPlan::Correct { erp_copy, sloppy } => {
                let row = own.get(usize::from(erp_copy)).or(own.first())?;
                let number = numbers[*row];
                let text = if sloppy {
                    self.erp_numbers.format_sloppy(number, rng)
                } else {
                    self.erp_numbers.format(number)
                };
                Some((text, XrefTruth::Confirmed))
            }
            XrefPlan::Unknown => {
                let text = if !deleted.is_empty() && rng.chance(0.6) {
                    self.erp_numbers.format(deleted[rng.index(deleted.len())])
                } else {
                    let near = own
                        .first()
                        .map_or(numbers.first().copied().unwrap_or(0), |row| numbers[*row]);
                    self.erp_numbers.format_nonexistent(near, rng)
                };
                Some((text, XrefTruth::UnknownNumber))
            }
            XrefPlan::Contradicted => {
                let target = contradicting_row(draft.slot, firms, rows, numbers.len(), rng)?;
                Some((
                    self.erp_numbers.format(numbers[target]),
                    XrefTruth::Contradicted,
                ))
            }
        }
    }
}

/// Remember that `copy` of a firm landed in `row`.
fn place(rows: &mut Vec<usize>, copy: u8, row: usize) {
    let at = usize::from(copy);
    if rows.len() <= at {
        rows.resize(at + 1, usize::MAX);
    }
    rows[at] = row;
}

/// The ERP row a wrong cross-reference points to: the look-alike's original if it is an ERP
/// customer (sales picked the wrong "Müller GmbH"), else the record next to the firm's own (a
/// mistyped last digit).
fn contradicting_row(
    slot: usize,
    firms: &[Firm],
    rows: &FirmRows,
    erp_rows: usize,
    rng: &mut Rng,
) -> Option<usize> {
    let firm = &firms[slot];
    let first_index = firms.first().map_or(0, |f| f.index);
    if let Some(source) = firm.lookalike_of
        && let Some(source_rows) = rows.erp.get((source - first_index) as usize)
        && let Some(&row) = source_rows.first()
    {
        return Some(row);
    }
    let own_rows = &rows.erp[slot];
    let start = own_rows
        .first()
        .copied()
        .unwrap_or_else(|| rng.index(erp_rows));
    [start + 1, start.wrapping_sub(1), start + 2]
        .into_iter()
        .find(|row| *row < erp_rows && !own_rows.contains(row))
}

fn all_pairs(rows: &[usize], out: &mut Vec<(usize, usize)>) {
    for (at, first) in rows.iter().enumerate() {
        for second in &rows[at + 1..] {
            out.push((*first, *second));
        }
    }
}

fn collect_truth(rows: &FirmRows, out: &mut Chunk) {
    for (crm_rows, erp_rows) in rows.crm.iter().zip(&rows.erp) {
        for (copy, crm_row) in crm_rows.iter().enumerate() {
            for erp_row in erp_rows {
                out.links.push((*crm_row, *erp_row));
            }
            if let Some(erp_row) = erp_rows.get(copy) {
                out.links_one_to_one.push((*crm_row, *erp_row));
            }
        }
        all_pairs(crm_rows, &mut out.crm_duplicates);
        all_pairs(erp_rows, &mut out.erp_duplicates);
    }
    out.links.sort_unstable();
    out.links_one_to_one.sort_unstable();
    out.crm_duplicates.sort_unstable();
    out.erp_duplicates.sort_unstable();
}
