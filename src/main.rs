fn main() {
    readyboard::ui::start();
}
