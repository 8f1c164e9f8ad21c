//! One module per page (or pair of list and detail pages).

pub mod accessibility;
pub mod board;
pub mod check_in;
pub mod exchange;
pub mod indicators;
pub mod insatser;
pub mod meeting;
pub mod meetings;
pub mod newsletter;
pub mod not_found;
pub mod organisation;
pub mod participants;
pub mod present;
pub mod presentations;
pub mod projects;
pub mod report;
pub mod settings;
pub mod slots;
pub mod welcome;
