//! Any bytes as a snapshot file: reading never panics, and a file that reads
//! imports into the demo workspace and an empty one with every property of
//! `maltavla_fuzz::checks::check_snapshot` holding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        maltavla_fuzz::checks::check_snapshot(text);
    }
});
