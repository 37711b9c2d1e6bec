//! Formats that leave the app as a link, a file or a printed code: what a person chooses to
//! send. (The share links of a Plus schedule are `plus::share`; issue 16 brings the rest of
//! the district's links and files here.)
//!
//! - [`qr`]: a link as a QR code, drawn by the view as one SVG path.

pub mod qr;
