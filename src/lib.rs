//! Måltavla: follow up a samordningsförbund's goals against its outcomes,
//! local-first in the browser.
//!
//! Three rooms: [`core`] (pure rules, tested natively), [`browser`] (the
//! thin shell over IndexedDB, localStorage, the clock and randomness) and
//! [`ui`] (Leptos pages and components).

pub mod browser;
pub mod core;
pub mod ui;

pub use ui::app::App;
