//! The browser itself, through web-sys: focus, files, clipboard, dates, the panic hook.

pub mod browser;
pub mod panic;
