//! What the förbund shows to others from its goals and outcomes: the
//! newsletter's sentences and the presentation decks for board meetings.

pub mod newsletter;
pub mod slides;
