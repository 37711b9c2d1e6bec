//! The store's side of two tabs: reading what another tab saved, then adopting it, going
//! read-only, or asking the person (keep this tab's version, or take theirs). The rule itself
//! is `storage::sync`; this applies it to the store's state.

use super::code::READER_MISSING;
use super::{reader, Conflict, Phase, SaveStatus, Store};
use crate::storage::local::{self, Read};
use crate::storage::parts::Baseline;
use crate::storage::sync::{self, Reaction};
use crate::storage::DecodeError;
use crate::ui::platform::browser;
use leptos::prelude::*;

impl Store {
    /// Another tab saved, and the code that reads its save did not arrive. This tab keeps
    /// what it has; its next save finds the other tab's and asks again.
    fn reader_missing(&self) {
        self.warning.set(Some(READER_MISSING.into()));
        if self.inner.with_value(|i| i.dirty) {
            self.status
                .set(SaveStatus::NotSaved("changed in another tab".into()));
        }
    }

    pub(super) fn blocked_by_unreadable(&self, err: DecodeError) {
        self.inner.update_value(|i| i.blocked = true);
        self.warning.set(Some(format!(
            "Another tab stored data this tab can't read, so this tab will not save over it. Download a backup of your work, then reload. ({err})"
        )));
        self.status.set(SaveStatus::NotSaved(
            "storage holds data this tab can't read".into(),
        ));
    }

    /// Another tab changed the stored district. What is stored now is read (not the event's
    /// value, which a later save may already have replaced), and only when its head is not
    /// the one this tab holds; parts this tab already holds under the same tag are reused.
    pub fn react_to(&self) {
        if matches!(self.phase.get_untracked(), Phase::Opening { .. }) {
            return; // The load under way reads what is stored once the reader is here.
        }
        let (base_revision, base_writer, dirty) = self
            .inner
            .with_value(|i| (i.base.revision, i.base.writer.clone(), i.dirty));
        let mut read = None;
        for _ in 0..3 {
            let raw = local::read_raw(local::KEY).ok().flatten();
            let Some(raw) = raw else {
                read = None;
                break;
            };
            let meta = crate::storage::envelope::peek_meta(&raw);
            if meta.is_some() && self.inner.with_value(|i| i.base.is_head(meta.as_ref())) {
                return;
            }
            let r = self
                .inner
                .with_value(|i| local::read_stored(&raw, Some(&i.base)));
            // A part missing now may have been replaced by a save that just landed: read again.
            let missing =
                matches!(&r, Err(DecodeError::Part { why, .. }) if why == "it is missing");
            read = Some(r);
            if !missing {
                break;
            }
        }
        if matches!(read, Some(Err(DecodeError::NeedsReader))) {
            // Nothing is decided before the other tab's save has been read.
            let this = *self;
            leptos::task::spawn_local(async move {
                if reader().await.is_ok() {
                    if this
                        .warning
                        .with_untracked(|w| w.as_deref() == Some(READER_MISSING))
                    {
                        this.warning.set(None);
                    }
                    this.react_to();
                } else {
                    this.reader_missing();
                }
            });
            return;
        }
        let mut stored = None;
        let incoming = read.map(|r| {
            r.map(|read| match read {
                Read::Current {
                    meta,
                    document,
                    migrated_from,
                    baseline,
                } => {
                    stored = Some(baseline);
                    crate::storage::Decoded::Current {
                        meta,
                        document,
                        migrated_from,
                    }
                }
                Read::Newer { meta, document } => crate::storage::Decoded::Newer { meta, document },
            })
        });
        match sync::decide(base_revision, base_writer.as_deref(), dirty, incoming) {
            Reaction::Ignore => {}
            Reaction::Adopt { meta, document } => {
                if !matches!(self.phase.get_untracked(), Phase::Ready | Phase::FirstRun) {
                    return;
                }
                self.inner
                    .update_value(|i| i.set_base(stored.unwrap_or_default()));
                self.set_doc(Some(document));
                self.last_saved.set(Some(meta));
                self.status.set(SaveStatus::Saved);
                self.phase.set(Phase::Ready);
                self.notice
                    .set(Some("Updated with changes saved in another tab.".into()));
            }
            Reaction::AdoptRemoval => {
                self.inner.update_value(|i| i.set_base(Baseline::empty()));
                self.set_doc(None);
                self.last_saved.set(None);
                self.status.set(SaveStatus::Idle);
                self.phase.set(Phase::FirstRun);
                self.notice
                    .set(Some("The district was reset in another tab.".into()));
            }
            Reaction::Conflict { theirs } => {
                if let Some(t) = self.inner.try_update_value(|i| i.timer.take()).flatten() {
                    t.clear();
                }
                self.status
                    .set(SaveStatus::NotSaved("changed in another tab".into()));
                self.conflict.set(Some(Conflict { theirs, stored }));
            }
            Reaction::ReadOnly { meta, document } => self.go_read_only(meta, document),
            Reaction::Unreadable(err) => self.blocked_by_unreadable(err),
        }
    }

    /// Conflict: keep this tab's version, saved over the other tab's (a normal,
    /// revision-checked save on top of what the other tab stored: if yet another save lands
    /// meanwhile, the person is asked again).
    pub fn keep_mine(&self) {
        if self.inner.with_value(|i| i.blocked) {
            self.notice.set(Some(
                "This tab will not save over data it can\u{2019}t read. Download this tab\u{2019}s version, then reload.".into(),
            ));
            return;
        }
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        let theirs = conflict.stored.unwrap_or_default();
        self.conflict.set(None);
        let now = browser::now_iso();
        let result = self
            .inner
            .try_update_value(|i| {
                i.set_base(theirs);
                self.doc.with_untracked(|d| {
                    d.as_ref()
                        .map(|d| local::save(d, &mut i.base, &i.writer, &now))
                })
            })
            .flatten();
        match result {
            Some(Ok(meta)) => self.saved(meta),
            Some(Err(e)) => self.save_failed(e),
            None => {
                let _ = local::remove();
                self.inner.update_value(|i| {
                    i.dirty = false;
                    i.set_base(Baseline::empty());
                });
                self.status.set(SaveStatus::Idle);
            }
        }
    }

    /// Conflict: drop this tab's unsaved edits and take the other tab's version.
    pub fn take_theirs(&self) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        self.inner.update_value(|i| i.dirty = false);
        self.conflict.set(None);
        match conflict.theirs {
            Some((meta, document)) => {
                let stored = conflict.stored.unwrap_or_default();
                self.inner.update_value(|i| i.set_base(stored));
                self.set_doc(Some(document));
                self.last_saved.set(Some(meta));
                self.status.set(SaveStatus::Saved);
                // The page is drawn again from the version taken, as when a clean tab takes
                // another tab's save: no form keeps a value of the version dropped, which a
                // save would write back over theirs.
                self.phase.set(Phase::Ready);
            }
            None => {
                self.inner.update_value(|i| i.set_base(Baseline::empty()));
                self.set_doc(None);
                self.status.set(SaveStatus::Idle);
                self.phase.set(Phase::FirstRun);
            }
        }
    }
}
