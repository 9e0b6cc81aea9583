//! The bundled demo lists in `assets/demo/` are exactly what `ledgerlink synth --firms 300
//! --seed 7` writes, so they can always be rebuilt (and a change to the generator that alters
//! them is noticed here).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::synth_common;

use std::path::Path;

use ledgerlink::core::synth::ErpFormat;
use synth_common::{generate_into_temp, read_xlsx};

/// The demo was made with these options; the README in `assets/demo/` says the same.
const DEMO_FIRMS: u64 = 300;
const DEMO_SEED: u64 = 7;

#[test]
fn the_demo_lists_are_what_the_generator_writes_for_their_seed() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let generated = generate_into_temp(DEMO_FIRMS, DEMO_SEED, ErpFormat::Xlsx);
    for name in [
        "crm_accounts.csv",
        "truth_links.csv",
        "truth_links_one_to_one.csv",
        "truth_crm_duplicates.csv",
        "truth_erp_duplicates.csv",
        "truth_xref.csv",
        "truth_records.csv",
    ] {
        let committed =
            std::fs::read(demo.join(name)).unwrap_or_else(|_| panic!("assets/demo/{name} missing"));
        let fresh = std::fs::read(generated.path(name)).unwrap();
        assert!(
            committed == fresh,
            "assets/demo/{name} differs from a fresh run; rebuild with: \
             ledgerlink synth --out assets/demo --firms {DEMO_FIRMS} --seed {DEMO_SEED}"
        );
    }
    let committed = read_xlsx(&demo.join("erp_customers.xlsx"));
    assert_eq!(
        committed,
        read_xlsx(&generated.path("erp_customers.xlsx")),
        "erp_customers.xlsx cells differ"
    );
    assert!(
        committed.len() > 200,
        "the demo ERP list has a few hundred customers"
    );
}
