//! Proves the browser test pipeline: this runs in headless Chromium through
//! wasm-bindgen-test-runner (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_round_trip() {
    let storage = web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage is accessible")
        .expect("localStorage exists");
    storage
        .set_item("maltavla-web-smoke", "hej")
        .expect("setItem works");
    assert_eq!(
        storage
            .get_item("maltavla-web-smoke")
            .expect("getItem works"),
        Some("hej".to_string())
    );
    storage
        .remove_item("maltavla-web-smoke")
        .expect("removeItem works");
}
