//! How much browser storage a large district takes, stored in parts and packed.
//!
//! `cargo run --release --example storage_size -- 500 10 30` builds the storage bench's
//! district (500 schools, 10 rounds each, 30 filled Plus boards), prints the JSON size, the
//! stored size against the quota and the host times, and with `--envelope` prints the
//! district as a backup file instead, and with `--stored` what localStorage holds after the
//! first save (for `scripts/bench-storage.mjs`).

use readyboard::domain::synthetic;
use readyboard::storage::{encode, pack, parts, Meta, SCHEMA_VERSION};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let nums: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let schools = nums.first().copied().unwrap_or(500);
    let rounds = nums.get(1).copied().unwrap_or(10);
    let boards = nums.get(2).copied().unwrap_or(30);
    let doc = synthetic::big_district(schools, rounds, boards);
    let problems = doc.validate();
    assert!(problems.is_empty(), "invalid district: {problems:?}");
    let meta = Meta {
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        saved_at: "2026-11-29T00:00:00.000Z".to_string(),
        revision: 1,
        writer: "bench".to_string(),
    };
    if args.iter().any(|a| a == "--envelope") {
        println!("{}", encode(&meta, &doc));
        return;
    }
    if args.iter().any(|a| a == "--stored") {
        // What localStorage holds after a first save, and the facts the bench needs.
        let stored: serde_json::Map<String, serde_json::Value> = parts::first_save(&meta, &doc)
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        let open = doc
            .readiness
            .rounds
            .iter()
            .find(|r| !r.revealed)
            .expect("an open round");
        let facts = serde_json::json!({
            "schools": doc.schools.len(),
            "rounds": doc.readiness.rounds.len(),
            "boards": doc.plus.boards.len(),
            "jsonChars": encode(&meta, &doc).len(),
            "openRound": { "school": open.school_id.as_str(), "id": open.id.as_str(),
                           "rater": open.raters.last().map(|r| r.name.clone()) },
            "boardSchool": doc.plus.boards.first().map(|b| b.school_id.as_str().to_string()),
        });
        println!(
            "{}",
            serde_json::json!({ "stored": stored, "facts": facts })
        );
        return;
    }
    let whole = encode(&meta, &doc);
    let t = Instant::now();
    let split = parts::split(&doc);
    let mut stored = 0usize;
    let mut biggest = (String::new(), 0usize);
    for (name, part) in &split {
        let packed = pack::pack(&part.to_json());
        let chars = packed.encode_utf16().count() + name.len() + 20;
        if chars > biggest.1 {
            biggest = (name.clone(), chars);
        }
        stored += chars;
    }
    let took = t.elapsed();
    let mut saved = parts::Saved::default();
    saved.apply(saved.changes(&doc));
    let t = Instant::now();
    let none = saved.changes(&doc);
    let compare = t.elapsed();
    assert!(none.is_empty());
    let t = Instant::now();
    let core = pack::pack(&split["core"].to_json());
    let core_took = t.elapsed();
    let quota = readyboard::storage::QUOTA_CHARS;
    println!("district: {schools} schools × {rounds} rounds, {boards} Plus boards");
    println!(
        "as one JSON envelope: {} characters ({:.0} % of the quota)",
        whole.len(),
        whole.len() as f64 * 100.0 / quota as f64
    );
    println!(
        "stored in {} parts:   {stored} characters ({:.1} % of the quota, {:.1} % left)",
        split.len(),
        stored as f64 * 100.0 / quota as f64,
        100.0 - stored as f64 * 100.0 / quota as f64
    );
    println!("largest part: {} ({} characters)", biggest.0, biggest.1);
    println!(
        "host: split, serialise and pack every part in {} ms",
        took.as_millis()
    );
    println!(
        "host: find what changed (nothing) in {:.1} ms; serialise and pack the core ({} characters) in {:.1} ms",
        compare.as_secs_f64() * 1e3,
        core.chars().count(),
        core_took.as_secs_f64() * 1e3
    );
}
