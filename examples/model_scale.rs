//! Print a district with the coaching model at the scale, for the bench:
//! `cargo run --example model_scale -- 500 60 40` is 500 schools, 60 coaches and a roles
//! matrix of 40 rows. It prints what localStorage holds once the district is saved (in
//! parts, as a district in use is stored) and the document: `{"stored": {key: text},
//! "document": …}`. With `--envelope` it prints the district as one envelope instead (as a
//! backup file, or a district stored before schema 2: its first save writes every part).

use readyboard::domain::synthetic;
use readyboard::storage::{encode, parts, Meta, SCHEMA_VERSION};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let schools = args.next().and_then(Result::ok).unwrap_or(500);
    let coaches = args.next().and_then(Result::ok).unwrap_or(60);
    let rows = args.next().and_then(Result::ok).unwrap_or(40);
    let mut doc = synthetic::district(schools, 1);
    synthetic::model(&mut doc, coaches, rows);
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
    if std::env::args().any(|a| a == "--envelope") {
        println!("{}", encode(&meta, &doc));
        return;
    }
    let stored: serde_json::Map<String, serde_json::Value> = parts::first_save(&meta, &doc)
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    println!(
        "{}",
        serde_json::json!({ "stored": stored, "document": doc })
    );
}
