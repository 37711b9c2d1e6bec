//! Print a stored envelope holding a large synthetic district, for the scale benches.
//!
//! `cargo run --release --example scale -- 200 10` prints 200 schools with 10 readiness
//! rounds each. `scripts/bench-scale.mjs` puts the output in localStorage and times the app.

use readyboard::domain::synthetic;
use readyboard::storage::{encode, Meta, SCHEMA_VERSION};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let schools = args.next().and_then(Result::ok).unwrap_or(200);
    let rounds = args.next().and_then(Result::ok).unwrap_or(10);
    let doc = synthetic::district(schools, rounds);
    let problems = doc.validate();
    assert!(
        problems.is_empty(),
        "invalid synthetic district: {problems:?}"
    );
    let meta = Meta {
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        saved_at: "2026-11-23T00:00:00.000Z".to_string(),
        revision: 1,
        writer: "bench".to_string(),
    };
    println!("{}", encode(&meta, &doc));
}
