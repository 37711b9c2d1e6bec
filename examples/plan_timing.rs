//! Time ranking and planning a large synthetic district on the host:
//! `cargo run --release --example plan_timing -- 500 2`.
use readyboard::domain::phase_in;
use readyboard::domain::synthetic;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let schools = args.next().and_then(Result::ok).unwrap_or(500);
    let rounds = args.next().and_then(Result::ok).unwrap_or(2);
    let mut doc = synthetic::district(schools, rounds);
    let runs = 50;
    let t = Instant::now();
    for g in 0..runs {
        doc.phase_in.settings.gate = Some((g % 3) as u8);
        let r = phase_in::rank(&doc, &doc.phase_in.settings);
        let p = phase_in::plan(&r, &doc.phase_in);
        let c = phase_in::consequence(&r, &p);
        std::hint::black_box((p, c));
    }
    println!(
        "rank + plan + consequence, {schools} schools × {rounds} rounds: {:.2} ms per change (host, release)",
        t.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
}
