//! One module per page (or pair of list and detail pages).

pub mod board;
pub mod exchange;
pub mod indicators;
pub mod insatser;
pub mod not_found;
pub mod organisation;
pub mod participants;
pub mod projects;
pub mod settings;
pub mod welcome;
