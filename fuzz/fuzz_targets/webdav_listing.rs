//! Any bytes as a WebDAV folder listing (decoded as the app decodes an
//! answer: UTF-8, broken bytes replaced): parsing never panics, and what it
//! gives passes `maltavla_fuzz::checks::check_listing`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    maltavla_fuzz::checks::check_listing(&String::from_utf8_lossy(data));
});
