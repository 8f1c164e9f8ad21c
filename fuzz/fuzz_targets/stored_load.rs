//! Any bytes as what IndexedDB holds (a bucket of records, or a value of
//! the layout before buckets), decoded as the browser hands strings over
//! (UTF-8, broken bytes replaced): loading never panics, and a write into a
//! readable bucket passes `maltavla_fuzz::checks::check_stored`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    maltavla_fuzz::checks::check_stored(&String::from_utf8_lossy(data));
});
