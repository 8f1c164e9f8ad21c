//! Two small snapshot files built from a demo export by picking and mutating
//! records: importing them in either order into an empty workspace gives the
//! same workspace, and each file on its own passes the import checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maltavla_fuzz::checks::{check_merge, import_and_check, NOW};
use maltavla_fuzz::MergeInput;

fuzz_target!(|input: MergeInput| {
    let (a, b) = (input.a.text(), input.b.text());
    if std::env::var_os("MALTAVLA_FUZZ_SHOW").is_some() {
        eprintln!("--- a\n{a}--- b\n{b}");
    }
    for text in [&a, &b] {
        if let Ok(incoming) = maltavla::core::exchange::snapshot::read(text, NOW) {
            import_and_check(maltavla::core::workspace::Workspace::default(), &incoming);
        }
    }
    check_merge(&a, &b);
});
