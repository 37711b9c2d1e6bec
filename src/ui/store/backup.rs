//! Backups of the district in memory, and whether browser storage has room for one being
//! restored or imported: both need the writer (`storage::codec::Writer`).

use super::code::fetch_writer_soon;
use super::Store;
use crate::domain::Document;
use crate::storage::codec;
use crate::storage::local;
use crate::storage::Meta;
use crate::ui::platform::browser;
use leptos::prelude::*;

impl Store {
    /// Whether browser storage has room to save `document` in place of this tab's district.
    /// `Err` says how much is needed and how much is free, in words. Without the writer (it
    /// has not arrived) this can't be measured and says yes: a save that then finds storage
    /// full keeps the edits in memory and says so.
    pub fn room_for(&self, document: &Document) -> Result<(), String> {
        let Some(writer) = codec::writer() else {
            return Ok(());
        };
        let needed = self
            .inner
            .with_value(|i| local::space_needed(writer, document, &i.base));
        let free = local::usage().free();
        if needed <= free {
            return Ok(());
        }
        let amount = |n: usize| {
            if n >= 1_000_000 {
                format!("{:.1} million", n as f64 / 1e6)
            } else {
                crate::domain::text::thousands(n as u64)
            }
        };
        Err(format!(
            "This browser does not have room to keep it: it needs about {} characters of storage and {} are free. Nothing was changed. Free some space first (for example, delete data set aside below, or data other pages of this site keep).",
            amount(needed),
            amount(free)
        ))
    }

    /// The whole district as a backup file's text (the same envelope storage uses). `None`
    /// without a district, or before the writer has arrived.
    pub fn backup_text(&self) -> Option<String> {
        let writer = codec::writer()?;
        // A backup is always written in this build's schema, whatever was last read.
        let meta = self.last_saved.get_untracked().unwrap_or_else(|| Meta {
            schema_version: crate::storage::SCHEMA_VERSION,
            app_version: crate::storage::envelope::APP_VERSION.into(),
            saved_at: browser::now_iso(),
            revision: 0,
            writer: String::new(),
        });
        let meta = Meta {
            schema_version: crate::storage::SCHEMA_VERSION,
            app_version: crate::storage::envelope::APP_VERSION.into(),
            saved_at: browser::now_iso(),
            ..meta
        };
        self.doc
            .with_untracked(|d| d.as_ref().map(|d| (writer.envelope)(&meta, d)))
    }

    /// Download a backup. Returns a message for the person on failure.
    pub fn download_backup(&self) -> Result<(), String> {
        if self.doc.with_untracked(Option::is_none) {
            return Err("There is no district to back up.".into());
        }
        let Some(text) = self.backup_text() else {
            // Fetch it now; the person tries again in a moment.
            fetch_writer_soon();
            return Err("The code that writes backups is still loading. Try again in a moment; if the connection is down, keep this tab open until it is back.".into());
        };
        let name = self
            .doc
            .with_untracked(|d| {
                d.as_ref()
                    .map(|d| crate::domain::text::slug(&d.district.name))
            })
            .unwrap_or_default();
        browser::download(
            &format!("readyboard-{name}-{}.json", browser::today()),
            "application/json",
            &text,
        )
    }

    /// Download what browser storage holds, exactly as it is stored: for data this build may
    /// not write (read-only), so the copy is the newer build's own text, not this build's
    /// reading of it.
    pub fn download_stored_copy(&self) -> Result<(), String> {
        let text = local::stored_text().ok_or("Nothing is stored in this browser.")?;
        browser::download_js(
            &format!("readyboard-stored-copy-{}.json", browser::today()),
            "application/json",
            &text,
        )
    }
}
