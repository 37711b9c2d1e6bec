//! Print a stored envelope for the Plus board bench: the Benson demo with Maple Ridge's
//! board replaced by a large empty one (`cargo run --example plus_scale -- 12 40 120`:
//! 12 Plus teachers, 40 weeks, 120 teachers). `scripts/bench-board.mjs` fills it in the
//! browser and times the board's interactions.

use readyboard::domain::{demo, synthetic, Id};
use readyboard::storage::{encode, Meta, SCHEMA_VERSION};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let members = args.next().and_then(Result::ok).unwrap_or(12);
    let weeks = args.next().and_then(Result::ok).unwrap_or(40) as u16;
    let teachers = args.next().and_then(Result::ok).unwrap_or(120);
    let mut doc = demo::benson("2026-11-23T00:00:00.000Z");
    let school = Id::fixed(readyboard::domain::plus::demo::DEMO_SCHOOL);
    doc.plus.boards = vec![synthetic::plus_board(school, members, weeks, teachers)];
    let problems = doc.validate();
    assert!(problems.is_empty(), "invalid board: {problems:?}");
    let meta = Meta {
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        saved_at: "2026-11-23T00:00:00.000Z".to_string(),
        revision: 1,
        writer: "bench".to_string(),
    };
    println!("{}", encode(&meta, &doc));
}
