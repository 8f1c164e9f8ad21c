//! Small reusable views: the period picker, charts with their
//! tables, delete confirmation, the page frame, the list pages' frame, the
//! participations table row, the flow panel, CSV import, the sync settings,
//! the meetings calendar and quick entry, and the views several pages show:
//! the goal table, the board's charts, the meeting and occupancy figures,
//! the frame of a scrolling table and
//! the colour of a goal status.

pub mod board_charts;
pub mod chart_figure;
pub mod confirm_delete;
pub mod csv_import;
pub mod download_failure;
pub mod first_steps;
pub mod flow_panel;
pub mod goal_table;
pub mod layout;
pub mod meeting_calendar;
pub mod meeting_figures;
pub mod occupancy_figure;
pub mod participation_row;
pub mod period_picker;
pub mod quick_meetings;
pub mod record_list;
pub mod scope_figures;
pub mod scroll_table;
pub mod status;
pub mod sync_settings;
