//! The code that reads and writes stored data, fetched as lazy pieces of their own
//! (`storage::codec`), and the store's wait for the writer when a save finds none.

use super::{SaveStatus, Store};
use crate::storage::codec::{self, Reader, Writer};
use leptos::prelude::*;
use std::time::Duration;

/// How long a save that could not fetch the writer waits before it tries again.
const WRITER_RETRY: Duration = Duration::from_secs(5);

/// The [`codec::Reader`], split out of the main wasm (feature `split`): fetched only when
/// stored data needs it (and preloaded beside the main wasm then). A load that fails is an
/// `Err`, not a panic.
#[cfg(feature = "split")]
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(stored_reader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch_reader() -> Result<Reader, leptos::wasm_split::SplitLoaderError> {
    Ok(codec::full_reader())
}

#[cfg(not(feature = "split"))]
async fn fetch_reader() -> Result<Reader, ()> {
    Ok(codec::full_reader())
}

/// The [`codec::Writer`], split out of the main wasm (feature `split`): fetched once the
/// first page has painted ([`prefetch_writer`]), or by a save that finds it missing.
#[cfg(feature = "split")]
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(stored_writer, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch_writer() -> Result<Writer, leptos::wasm_split::SplitLoaderError> {
    Ok(codec::full_writer())
}

#[cfg(not(feature = "split"))]
async fn fetch_writer() -> Result<Writer, ()> {
    Ok(codec::full_writer())
}

/// Another tab saved, and the reader that would read its save did not arrive.
pub(super) const READER_MISSING: &str = "Another tab saved changes, and this tab could not load the code that reads them: the connection may have dropped, or Readyboard has been updated. Reload this page to see them; if this tab has changes that are not saved, download a backup first.";

/// The reader: the installed one, or fetched (and installed) now. The store's load and its
/// reading of another tab's save wait for it; so does a backup being restored.
pub async fn reader() -> Result<Reader, String> {
    if let Some(r) = codec::reader() {
        return Ok(r);
    }
    let r = fetch_reader()
        .await
        .map_err(|_| "Readyboard could not load the code that reads backups: the connection may have dropped, or Readyboard has been updated (then reload the page).".to_string())?;
    codec::install_reader(r);
    Ok(r)
}

/// The writer: the installed one, or fetched (and installed) now. A save that finds none
/// waits for it.
pub async fn writer() -> Result<Writer, String> {
    if let Some(w) = codec::writer() {
        return Ok(w);
    }
    let w = fetch_writer()
        .await
        .map_err(|_| "Readyboard could not load the code that saves: the connection may have dropped, or Readyboard has been updated (then reload the page).".to_string())?;
    codec::install_writer(w);
    Ok(w)
}

/// Fetch the writer once the page has painted, so that it is here before the first save but
/// not in the first load (each route calls this when its page has been built). Nothing
/// happens if it is already here; a failure is left for the save that needs it to report.
pub fn prefetch_writer() {
    if codec::writer().is_some() {
        return;
    }
    request_animation_frame(|| request_animation_frame(fetch_writer_soon));
}

/// Fetch the writer now, unless it is here: for the first edit, and a backup asked for
/// before it came. A failure is left for whatever needs it to report.
pub(super) fn fetch_writer_soon() {
    if codec::writer().is_none() {
        leptos::task::spawn_local(async {
            let _ = writer().await;
        });
    }
}

impl Store {
    /// Nothing was written because the writer has not arrived: fetch it, then save. The
    /// edits stay in memory meanwhile. One wait at a time, however many saves find no
    /// writer; if it can't come, say so (once, not at each try) and try again every
    /// [`WRITER_RETRY`] while there are edits to save.
    pub(super) fn wait_for_writer(&self) {
        let already = self
            .inner
            .try_update_value(|i| std::mem::replace(&mut i.waiting_for_writer, true))
            .unwrap_or(true);
        if already {
            return;
        }
        if !matches!(self.status.get_untracked(), SaveStatus::NotSaved(_)) {
            self.status.set(SaveStatus::Saving);
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let arrived = writer().await.is_ok();
            if arrived {
                this.inner.update_value(|i| i.waiting_for_writer = false);
                this.flush();
                return;
            }
            let _ = this.status.try_set(SaveStatus::NotSaved(
                "the code that saves could not load (check the connection)".into(),
            ));
            set_timeout(
                move || {
                    let dirty = this
                        .inner
                        .try_update_value(|i| {
                            i.waiting_for_writer = false;
                            i.dirty
                        })
                        .unwrap_or(false);
                    if dirty {
                        this.flush();
                    }
                },
                WRITER_RETRY,
            );
        });
    }
}
