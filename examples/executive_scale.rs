//! Print a stored envelope with executive coaching at the seed's scale, for the bench:
//! `cargo run --example executive_scale -- 60 150` is 60 schools, each principal in an
//! engagement with 150 contacts.

use readyboard::domain::synthetic;
use readyboard::storage::{encode, Meta, SCHEMA_VERSION};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let engagements = args.next().and_then(Result::ok).unwrap_or(60);
    let contacts = args.next().and_then(Result::ok).unwrap_or(150);
    let mut doc = synthetic::district(engagements, 1);
    synthetic::executive(&mut doc, engagements, contacts);
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
