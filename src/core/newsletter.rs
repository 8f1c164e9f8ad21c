//! The newsletter block (coming).
