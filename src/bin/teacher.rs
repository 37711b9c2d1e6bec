//! The teacher's app: a share link's schedule view, as a small wasm of its own (see
//! `readyboard::ui::plus::schedule::teacher_app`). Built by scripts/build-split.mjs.
fn main() {
    readyboard::ui::plus::schedule::teacher_app::start();
}
