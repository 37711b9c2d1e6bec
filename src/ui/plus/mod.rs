//! The Plus board (`domain::plus`): the board and its panels, the set-up, publishing, and
//! the teacher's schedule that a published link opens.

pub mod board;
pub mod board_state;
pub mod editor;
pub mod grid;
pub mod import;
pub mod panels;
pub mod pd;
pub mod publish;
pub mod schedule;
pub mod setup;
pub mod start;
