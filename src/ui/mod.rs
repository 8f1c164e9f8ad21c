//! The user interface: Leptos components and pages. Components call the
//! core for every rule and the state for every write; they hold no business
//! logic of their own.

pub mod app;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod pages;
pub mod router;
pub mod split;
pub mod state;
pub mod sync;
pub mod workspace_signal;
