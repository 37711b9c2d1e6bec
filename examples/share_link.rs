//! Print the demo school's share link payload, as the board page would publish it: for the
//! end-to-end tests of `/schedule`, which need a real link before the board page exists.
//!
//! - `cargo run --example share_link` prints the payload (`v1.…`), the part after `#s=`.
//! - `cargo run --example share_link -- --file` prints a schedule file (`.json`).

use readyboard::domain::demo;
use readyboard::domain::plus::share;

fn main() {
    let doc = demo::benson("2026-11-23T00:00:00.000Z");
    let board = doc.plus.boards.first().expect("the demo has a Plus board");
    let school = doc
        .schools
        .iter()
        .find(|s| s.id == board.school_id)
        .map(|s| s.name.clone())
        .expect("the board's school is in the demo");
    let shared = board.to_shared(&school);
    if std::env::args().any(|a| a == "--file") {
        print!("{}", share::to_file(&shared));
    } else {
        println!("{}", share::encode(&shared));
    }
}
