//! The app's state: the district document in a signal, and the save loop around it.
//!
//! Pages read `doc` and send intents through [`Store::update`]. The store debounces saves,
//! flushes when the page is hidden, listens for other tabs, and turns every storage
//! failure into visible state (`status`, `warning`, `conflict`). It never drops the
//! in-memory document because a write failed.

use super::platform::browser;

mod backup;
mod code;
mod tabs;
use crate::domain::model::Model;
use crate::domain::phase_in::PhaseIn;
use crate::domain::{Document, Id};
use crate::storage::codec;
use crate::storage::local::{self, Loaded, StorageError};
use crate::storage::parts::{Baseline, Scan};
use crate::storage::Meta;
pub use code::{prefetch_writer, reader, writer};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long "Opening your district…" waits for the reader before it offers a reload.
const OPENING_PATIENCE: Duration = Duration::from_secs(15);

/// How long after the last edit the document is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// How long one step of a debounced save may compare parts before it yields to the browser
/// (so that no save makes a long task, whatever the district's size).
const SAVE_STEP_MS: f64 = 8.0;

thread_local! {
    static STEP_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(SAVE_STEP_MS) };
}

/// Set how long one save step may compare parts (the default is [`SAVE_STEP_MS`]). Tests
/// set 0 so that a save compares one part a step and an edit can land between two steps.
#[doc(hidden)]
pub fn set_save_step_ms(ms: f64) {
    STEP_MS.with(|c| c.set(ms));
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// No district yet: nothing to save.
    Idle,
    Saved,
    Saving,
    NotSaved(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// A district is stored, and the code that reads it (the [`reader`]) is on its way.
    /// `failed`: it did not arrive; the data is untouched and a reload tries again.
    Opening {
        failed: bool,
    },
    /// Nothing stored: choose the demo or start a district.
    FirstRun,
    Ready,
    /// Stored data comes from a newer build: show it, never write it.
    ReadOnly {
        app_version: String,
        schema: u32,
    },
    /// Stored data could not be read; `kept_at` is the quarantine key (None: it could not
    /// be moved and stays in the main key, which this session then never writes).
    Recovery {
        error: String,
        kept_at: Option<String>,
        raw: String,
    },
}

/// Another tab saved while this one had unsaved edits.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The other tab's version; `None` when the other tab reset the district.
    pub theirs: Option<(Meta, Document)>,
    /// What is stored with the other tab's version, adopted if the person takes it.
    pub stored: Option<Baseline>,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// The district. Only the store writes it (edits go through [`Store::try_edit`]), so that
    /// every change is saved and a save in steps sees whatever changes under it.
    pub doc: ReadSignal<Option<Document>>,
    write_doc: WriteSignal<Option<Document>>,
    pub phase: RwSignal<Phase>,
    pub status: RwSignal<SaveStatus>,
    /// A lasting storage problem (full, unavailable, blocked): shown until it clears.
    pub warning: RwSignal<Option<String>>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// A one-off message ("Updated from another tab").
    pub notice: RwSignal<Option<String>>,
    pub last_saved: RwSignal<Option<Meta>>,
    inner: StoredValue<Inner, LocalStorage>,
}

struct Inner {
    /// What this tab last read from or wrote to storage (revision and parts).
    base: Baseline,
    /// Edits in memory that are not in storage yet.
    dirty: bool,
    /// This session must not write the main key (unreadable data could not be moved).
    blocked: bool,
    timer: Option<TimeoutHandle>,
    writer: String,
    /// Counts every change to the document or to `base`: a save taken in steps stops when
    /// it changes under it.
    generation: u64,
    /// The debounced save in progress: the generation it started at, and how far it got.
    scan: Option<(u64, Scan)>,
    /// Counts every change to the document outside its phase-in part: each new document and
    /// each edit but those of [`Store::try_edit_phase_in`] (see
    /// [`Store::revision_outside_phase_in`]).
    outside_phase_in: u64,
    /// The same for the coaching model's part ([`Store::try_edit_model`],
    /// [`Store::revision_outside_model`]).
    outside_model: u64,
    /// A save found no writer and is waiting for it (see [`Store::wait_for_writer`]).
    waiting_for_writer: bool,
}

impl Inner {
    fn set_base(&mut self, base: Baseline) {
        self.base = base;
        self.generation += 1;
    }
}

impl Store {
    /// Put a whole document in place (not an edit: see [`Store::try_edit`]).
    fn set_doc(&self, doc: Option<Document>) {
        self.inner.update_value(|i| {
            i.generation += 1;
            i.outside_phase_in += 1;
            i.outside_model += 1;
        });
        self.write_doc.set(doc);
    }

    /// Read storage (before anything can be written) and build the store.
    pub fn load() -> Self {
        let writer = format!("tab-{}", Id::from_random_bytes(browser::random_bytes()));
        let (doc, write_doc) = signal(None);
        let store = Store {
            doc,
            write_doc,
            phase: RwSignal::new(Phase::FirstRun),
            status: RwSignal::new(SaveStatus::Idle),
            warning: RwSignal::new(None),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            last_saved: RwSignal::new(None),
            inner: StoredValue::new_local(Inner {
                base: Baseline::empty(),
                dirty: false,
                blocked: false,
                timer: None,
                writer,
                generation: 0,
                scan: None,
                outside_phase_in: 0,
                outside_model: 0,
                waiting_for_writer: false,
            }),
        };
        browser::perf_mark("readyboard:load-start");
        store.apply_loaded(local::load(&browser::now_iso()));
        browser::perf_mark("readyboard:load-end");
        if let Err(StorageError::Quota) = local::probe() {
            store.warning.set(Some(full_warning()));
        }
        store
    }

    fn apply_loaded(&self, loaded: Loaded) {
        match loaded {
            Loaded::NeedsReader => {
                // What is stored is saved: the header says so, not "no district yet".
                self.status.set(SaveStatus::Saved);
                self.phase.set(Phase::Opening { failed: false });
                let this = *self;
                leptos::task::spawn_local(async move {
                    if reader().await.is_ok() {
                        // What is stored now: another tab may have saved meanwhile. The
                        // status is set again by what the load finds.
                        this.status.set(SaveStatus::Idle);
                        this.apply_loaded(local::load(&browser::now_iso()));
                    } else {
                        this.phase.set(Phase::Opening { failed: true });
                    }
                });
                // A connection that stalls never settles the fetch: after a while, offer the
                // reload (the fetch carries on, and opens the district if it arrives).
                set_timeout(
                    move || {
                        if this.phase.get_untracked() == (Phase::Opening { failed: false }) {
                            this.phase.set(Phase::Opening { failed: true });
                        }
                    },
                    OPENING_PATIENCE,
                );
            }
            Loaded::Empty => self.phase.set(Phase::FirstRun),
            Loaded::Ready {
                meta,
                document,
                migrated_from,
                baseline,
            } => {
                self.inner.update_value(|i| i.set_base(baseline));
                self.set_doc(Some(document));
                self.last_saved.set(Some(meta));
                self.status.set(SaveStatus::Saved);
                self.phase.set(Phase::Ready);
                if let Some(v) = migrated_from {
                    self.notice.set(Some(format!(
                        "Your data was saved by an older version of Readyboard (schema {v}) and has been upgraded."
                    )));
                }
            }
            Loaded::Newer { meta, document } => self.go_read_only(meta, document),
            Loaded::Quarantined { key, error } => {
                let raw = local::read_raw(&key).ok().flatten().unwrap_or_default();
                self.phase.set(Phase::Recovery {
                    error: error.to_string(),
                    kept_at: Some(key),
                    raw,
                });
            }
            Loaded::Stuck { error, why } => {
                // Everything stored, exactly (the head and its parts), for the download.
                let raw = local::stored_text().map(String::from).unwrap_or_default();
                self.inner.update_value(|i| i.blocked = true);
                self.warning.set(Some(format!(
                    "The unreadable data could not be set aside ({}), so Readyboard will not save over it in this tab. Download it from the recovery page, then free some space.",
                    why.reason()
                )));
                self.phase.set(Phase::Recovery {
                    error: error.to_string(),
                    kept_at: None,
                    raw,
                });
            }
            Loaded::Unavailable(reason) => {
                self.inner.update_value(|i| i.blocked = true);
                self.warning.set(Some(format!(
                    "Browser storage can\u{2019}t be used here (the browser says: {reason}). Readyboard still works, but nothing is kept after you close this tab. Download a backup to keep your work."
                )));
                self.phase.set(Phase::FirstRun);
            }
        }
    }

    fn go_read_only(&self, meta: Meta, document: Option<Document>) {
        if let Some(t) = self.inner.try_update_value(|i| i.timer.take()).flatten() {
            t.clear();
        }
        if let Some(d) = document {
            // A dirty tab keeps its own edits in memory (downloadable); a clean one shows theirs.
            let dirty = self.inner.with_value(|i| i.dirty);
            if !dirty || self.doc.with_untracked(Option::is_none) {
                self.set_doc(Some(d));
            }
        }
        self.status.set(SaveStatus::NotSaved("read-only".into()));
        self.phase.set(Phase::ReadOnly {
            app_version: meta.app_version,
            schema: meta.schema_version,
        });
    }

    pub fn is_writable(&self) -> bool {
        matches!(self.phase.get_untracked(), Phase::Ready)
    }

    pub fn has_unsaved_edits(&self) -> bool {
        self.inner.with_value(|i| i.dirty)
    }

    /// Apply an edit. `f` returns `Err` with a message, and must then leave the document
    /// unchanged; only a successful edit is saved.
    pub fn try_edit(
        &self,
        f: impl FnOnce(&mut Document) -> Result<(), String>,
    ) -> Result<(), String> {
        self.apply(f, true, true)
    }

    /// Apply an edit of the coaching model's part of the document only, as
    /// [`Store::try_edit`] does; `f` also gets the roster's school IDs, to check against. It
    /// leaves [`Store::revision_outside_model`] as it was.
    pub fn try_edit_model(
        &self,
        f: impl FnOnce(&mut Model, &[Id]) -> Result<(), String>,
    ) -> Result<(), String> {
        self.apply(
            |d| {
                let ids: Vec<Id> = d.schools.iter().map(|s| s.id.clone()).collect();
                f(&mut d.model, &ids)
            },
            true,
            false,
        )
    }

    /// Apply an edit of the phase-in planner's part of the document only (its settings,
    /// scenarios, pins and plans), as [`Store::try_edit`] does; it leaves
    /// [`Store::revision_outside_phase_in`] as it was.
    pub fn try_edit_phase_in(
        &self,
        f: impl FnOnce(&mut PhaseIn) -> Result<(), String>,
    ) -> Result<(), String> {
        self.apply(|d| f(&mut d.phase_in), false, true)
    }

    fn apply(
        &self,
        f: impl FnOnce(&mut Document) -> Result<(), String>,
        outside_phase_in: bool,
        outside_model: bool,
    ) -> Result<(), String> {
        if !self.is_writable() {
            return Err("This district is read-only here.".into());
        }
        // Before the change, so that nothing can read the new document with the old number
        // (a refused edit costs a kept value, never a stale one).
        self.inner.update_value(|i| {
            if outside_phase_in {
                i.outside_phase_in += 1;
            }
            if outside_model {
                i.outside_model += 1;
            }
        });
        let mut result = Err("There is no district to edit.".to_string());
        self.write_doc.maybe_update(|d| match d {
            Some(d) => {
                result = f(d);
                result.is_ok()
            }
            None => false,
        });
        if result.is_ok() {
            self.mark_dirty();
        }
        result
    }

    /// Apply an edit that can't fail.
    pub fn edit(&self, f: impl FnOnce(&mut Document)) {
        let _ = self.try_edit(|d| {
            f(d);
            Ok(())
        });
    }

    /// A number that changes with every change to the document outside its phase-in part
    /// (a new document, any edit but [`Store::try_edit_phase_in`]'s). While it stays the
    /// same, the schools and rounds are as they were: what is computed from them alone can
    /// be kept. Read it where the document is read.
    pub fn revision_outside_phase_in(&self) -> u64 {
        self.inner.with_value(|i| i.outside_phase_in)
    }

    /// [`Store::revision_outside_phase_in`] for the coaching model's part: while it stays
    /// the same, everything but the model is as it was (the roster, the readiness rounds,
    /// the phase-in plan), so what the model's pages compute from those can be kept.
    pub fn revision_outside_model(&self) -> u64 {
        self.inner.with_value(|i| i.outside_model)
    }

    fn mark_dirty(&self) {
        self.inner.update_value(|i| {
            i.dirty = true;
            i.generation += 1;
        });
        // The first edit fetches the writer if the page has not yet (it comes after paint).
        code::fetch_writer_soon();
        if self.conflict.with_untracked(Option::is_some) {
            return; // Saving waits until the person resolves the conflict.
        }
        self.status.set(SaveStatus::Saving);
        self.schedule_save();
    }

    /// (Re)start the debounce timer of the next save.
    fn schedule_save(&self) {
        let this = *self;
        let old = self.inner.try_update_value(|i| i.timer.take()).flatten();
        if let Some(t) = old {
            t.clear();
        }
        match set_timeout_with_handle(move || this.save_in_steps(), SAVE_DELAY) {
            Ok(h) => self.inner.update_value(|i| i.timer = Some(h)),
            Err(_) => self.flush(),
        }
    }

    /// Save now if there is anything unsaved (called by the debounce timer and when the
    /// page is hidden).
    pub fn flush(&self) {
        if let Some(t) = self.inner.try_update_value(|i| i.timer.take()).flatten() {
            t.clear();
        }
        let (dirty, blocked) = self.inner.with_value(|i| (i.dirty, i.blocked));
        if !dirty || !self.is_writable() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        if blocked {
            self.status
                .set(SaveStatus::NotSaved("browser storage can't be used".into()));
            return;
        }
        let now = browser::now_iso();
        browser::perf_mark("readyboard:save-start");
        let result = self
            .inner
            .try_update_value(|i| {
                i.scan = None;
                self.doc.with_untracked(|d| {
                    d.as_ref()
                        .map(|d| local::save(d, &mut i.base, &i.writer, &now))
                })
            })
            .flatten();
        browser::perf_mark("readyboard:save-end");
        match result {
            None => {}
            Some(Ok(meta)) => self.saved(meta),
            Some(Err(e)) => self.save_failed(e),
        }
    }

    /// The debounced save: find what changed in steps of at most [`SAVE_STEP_MS`], yielding
    /// to the browser between them, then write it in one task. An edit (or any new document
    /// or baseline) during the steps abandons them; the edit's own timer saves again.
    fn save_in_steps(&self) {
        if let Some(t) = self.inner.try_update_value(|i| i.timer.take()).flatten() {
            t.clear();
        }
        browser::perf_mark("readyboard:save-start");
        self.inner
            .update_value(|i| i.scan = Some((i.generation, Scan::default())));
        self.save_step();
    }

    fn save_step(&self) {
        let (dirty, blocked) = self.inner.with_value(|i| (i.dirty, i.blocked));
        if !dirty || blocked || !self.is_writable() || self.conflict.with_untracked(Option::is_some)
        {
            // `flush` says why, where there is something to say.
            self.inner.update_value(|i| i.scan = None);
            self.flush();
            return;
        }
        enum Step {
            Stale,
            More,
            Done(Option<Result<Meta, StorageError>>),
        }
        browser::perf_mark("readyboard:save-step");
        let now = browser::now_iso();
        let deadline = js_sys::Date::now() + STEP_MS.with(std::cell::Cell::get);
        let step = self
            .inner
            .try_update_value(|i| {
                let Inner {
                    scan,
                    base,
                    writer,
                    generation,
                    ..
                } = i;
                match scan.take() {
                    Some((g, mut s)) if g == *generation => self.doc.with_untracked(|d| {
                        let Some(d) = d.as_ref() else {
                            return Step::Done(None);
                        };
                        match s.step(&base.saved, d, &mut || js_sys::Date::now() > deadline) {
                            None => {
                                *scan = Some((g, s));
                                Step::More
                            }
                            Some(changes) => Step::Done(Some(local::save_changes(
                                d, changes, base, writer, &now,
                            ))),
                        }
                    }),
                    _ => Step::Stale,
                }
            })
            .unwrap_or(Step::Stale);
        match step {
            Step::Stale => {
                // Something changed under the scan. An edit has its own timer; anything else
                // that leaves unsaved edits gets one now (the status stays as it is: a save
                // that just failed keeps saying so).
                let idle = self.inner.with_value(|i| i.timer.is_none() && i.dirty);
                if idle && self.conflict.with_untracked(Option::is_none) {
                    self.schedule_save();
                }
            }
            Step::More => {
                let this = *self;
                if set_timeout_with_handle(move || this.save_step(), Duration::ZERO).is_err() {
                    self.flush();
                }
            }
            Step::Done(result) => {
                browser::perf_mark("readyboard:save-end");
                match result {
                    None => {}
                    Some(Ok(meta)) => self.saved(meta),
                    Some(Err(e)) => self.save_failed(e),
                }
            }
        }
    }

    fn saved(&self, meta: Meta) {
        self.inner.update_value(|i| i.dirty = false);
        self.last_saved.set(Some(meta));
        self.status.set(SaveStatus::Saved);
        if self
            .warning
            .with_untracked(|w| w.as_deref() == Some(full_warning().as_str()))
        {
            self.warning.set(None);
        }
    }

    fn save_failed(&self, e: StorageError) {
        if e == StorageError::NoWriter {
            return self.wait_for_writer();
        }
        self.status.set(SaveStatus::NotSaved(e.reason()));
        match e {
            StorageError::Quota => self.warning.set(Some(full_warning())),
            StorageError::Unavailable(why) => self.warning.set(Some(format!(
                "Browser storage can\u{2019}t be used now (the browser says: {why}). Your work is kept in this tab only: download a backup."
            ))),
            StorageError::Conflict { .. } => {
                // Someone saved without us hearing of it: decide as if the event had come.
                self.react_to();
            }
            StorageError::Newer(meta) => self.go_read_only(meta, None),
            StorageError::Unreadable(err) => self.blocked_by_unreadable(err),
            StorageError::NoWriter => {} // handled above
            StorageError::Other(_) => {}
        }
    }

    /// Replace the whole district (demo, new district, restored backup) and save at once.
    pub fn replace(&self, document: Document) {
        self.set_doc(Some(document));
        self.phase.set(Phase::Ready);
        self.inner.update_value(|i| i.dirty = true);
        self.status.set(SaveStatus::Saving);
        self.flush();
    }

    pub fn start_district(&self, name: &str) -> Result<(), String> {
        let id = Id::from_random_bytes(browser::random_bytes());
        let doc = Document::new_district(id, name, &browser::now_iso())?;
        self.replace(doc);
        Ok(())
    }

    /// Remove the district from storage and return to the first-run choice.
    pub fn reset(&self) -> Result<(), String> {
        if !self.is_writable() && !matches!(self.phase.get_untracked(), Phase::Recovery { .. }) {
            return Err("This district is read-only here.".into());
        }
        if let Some(t) = self.inner.try_update_value(|i| i.timer.take()).flatten() {
            t.clear();
        }
        if !self.inner.with_value(|i| i.blocked) {
            local::remove()
                .map_err(|e| format!("The district could not be removed: {}.", e.reason()))?;
        }
        self.inner.update_value(|i| {
            i.dirty = false;
            i.set_base(Baseline::empty());
        });
        self.set_doc(None);
        self.conflict.set(None);
        self.last_saved.set(None);
        self.status.set(SaveStatus::Idle);
        self.phase.set(Phase::FirstRun);
        Ok(())
    }

    /// Leave the recovery page for the first-run choice. If the unreadable data is still
    /// in the main key, try once more to set it aside first.
    pub fn leave_recovery(&self) {
        let Phase::Recovery { kept_at, .. } = self.phase.get_untracked() else {
            return;
        };
        if kept_at.is_none() {
            // If it still can't be moved, the session stays blocked and the warning stays.
            if local::quarantine_stored(&browser::now_iso()).is_ok() {
                self.inner.update_value(|i| i.blocked = false);
                self.warning.set(None);
            }
        }
        self.phase.set(Phase::FirstRun);
    }

    /// Listen for other tabs and for the page being hidden. Call once.
    pub fn listen(&self) {
        let this = *self;
        let storage = window_event_listener(leptos::ev::storage, move |e| {
            // key() is None when another tab called localStorage.clear().
            match e.key() {
                Some(k) if k == local::KEY => this.react_to(),
                None => this.react_to(),
                _ => {}
            }
        });
        let hidden = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                this.flush();
            }
        });
        let pagehide = window_event_listener_untyped("pagehide", move |_| this.flush());
        // Leaving with edits that could not be saved because the writer has not arrived (a
        // page left within a moment of its first edit, or a connection that dropped): the
        // browser asks first. Any other unsaved edit is saved on the way out (pagehide).
        let unload = window_event_listener_untyped("beforeunload", move |ev| {
            this.flush();
            if this.has_unsaved_edits() && codec::writer().is_none() {
                ev.prevent_default();
                if let Some(e) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("Your latest changes are not saved yet.");
                }
            }
        });
        // The app lives as long as the page; keep the listeners.
        std::mem::forget((storage, hidden, pagehide, unload));
    }
}

fn full_warning() -> String {
    "Browser storage is full, so recent changes are not saved. They are safe in this tab for now: download a backup, then free space (for example, delete data set aside on the Data page).".into()
}
