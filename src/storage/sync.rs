//! What a tab does when another tab of the same browser saves.
//!
//! The browser tells every other tab through the `storage` event. The rule:
//! - a newer schema in storage makes this tab read-only (it must not write data it can't
//!   fully represent);
//! - a tab with no unsaved edits takes the other tab's state;
//! - a tab with unsaved edits keeps them and shows a conflict, so the person chooses;
//!   neither side is overwritten silently.

use super::envelope::{decode, DecodeError, Decoded, Meta};
use crate::domain::Document;

#[derive(Clone, Debug, PartialEq)]
pub enum Reaction {
    /// Nothing new (our own revision, or older).
    Ignore,
    /// Take the other tab's state: this tab had nothing unsaved.
    Adopt { meta: Meta, document: Document },
    /// The other tab removed the district (a reset) and this tab had nothing unsaved.
    AdoptRemoval,
    /// This tab has unsaved edits and the other tab saved (or reset): ask the person.
    Conflict { theirs: Option<(Meta, Document)> },
    /// A newer build wrote the data: stop writing.
    ReadOnly {
        meta: Meta,
        document: Option<Document>,
    },
    /// The other tab wrote something unreadable. Keep ours, stop writing, tell the person.
    Unreadable(DecodeError),
}

/// Decide how to react to `incoming` (the new stored text, `None` when removed), given
/// the revision this tab last read or wrote and whether it has unsaved edits.
pub fn react(local_revision: Option<u64>, dirty: bool, incoming: Option<&str>) -> Reaction {
    decide(local_revision, None, dirty, incoming.map(decode))
}

/// [`react`] for stored data already read (a head and its parts, by `storage::local`).
/// `local_writer` is the writer of the head this tab last read or wrote: a head of the same
/// revision by another writer is another tab's save made at the same moment, not ours.
pub fn decide(
    local_revision: Option<u64>,
    local_writer: Option<&str>,
    dirty: bool,
    incoming: Option<Result<Decoded, DecodeError>>,
) -> Reaction {
    let Some(read) = incoming else {
        return if local_revision.is_none() && !dirty {
            Reaction::Ignore
        } else if dirty {
            Reaction::Conflict { theirs: None }
        } else {
            Reaction::AdoptRemoval
        };
    };
    match read {
        Err(e) => Reaction::Unreadable(e),
        Ok(Decoded::Newer { meta, document }) => Reaction::ReadOnly { meta, document },
        Ok(Decoded::Current { meta, document, .. }) => {
            let ours = |r: u64| {
                meta.revision < r
                    || (meta.revision == r && local_writer.is_none_or(|w| w == meta.writer))
            };
            if local_revision.is_some_and(ours) {
                Reaction::Ignore
            } else if dirty {
                Reaction::Conflict {
                    theirs: Some((meta, document)),
                }
            } else {
                Reaction::Adopt { meta, document }
            }
        }
    }
}

#[cfg(test)]
mod same_moment {
    use super::*;
    use crate::domain::demo;
    use crate::storage::envelope::{APP_VERSION, SCHEMA_VERSION};

    fn current(rev: u64, writer: &str) -> Option<Result<Decoded, DecodeError>> {
        Some(Ok(Decoded::Current {
            meta: Meta {
                schema_version: SCHEMA_VERSION,
                app_version: APP_VERSION.into(),
                saved_at: "t".into(),
                revision: rev,
                writer: writer.into(),
            },
            document: demo::benson("t"),
            migrated_from: None,
        }))
    }

    #[test]
    fn a_head_of_our_revision_by_another_writer_is_theirs() {
        assert_eq!(
            decide(Some(6), Some("tab-a"), false, current(6, "tab-a")),
            Reaction::Ignore
        );
        assert!(matches!(
            decide(Some(6), Some("tab-a"), false, current(6, "tab-b")),
            Reaction::Adopt { .. }
        ));
        assert!(matches!(
            decide(Some(6), Some("tab-a"), true, current(6, "tab-b")),
            Reaction::Conflict { theirs: Some(_) }
        ));
        assert_eq!(
            decide(Some(6), Some("tab-a"), false, current(5, "tab-b")),
            Reaction::Ignore
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::storage::envelope::{encode, APP_VERSION, SCHEMA_VERSION};

    fn stored(rev: u64, schema: u32) -> String {
        let meta = Meta {
            schema_version: schema,
            app_version: APP_VERSION.into(),
            saved_at: "t".into(),
            revision: rev,
            writer: "tab-b".into(),
        };
        encode(&meta, &demo::benson("t"))
    }

    #[test]
    fn a_clean_tab_adopts_a_newer_save() {
        let r = react(Some(3), false, Some(&stored(4, SCHEMA_VERSION)));
        assert!(matches!(r, Reaction::Adopt { meta, .. } if meta.revision == 4));
    }

    #[test]
    fn a_dirty_tab_gets_a_conflict_and_keeps_its_edits() {
        let r = react(Some(3), true, Some(&stored(4, SCHEMA_VERSION)));
        assert!(matches!(r, Reaction::Conflict { theirs: Some((meta, _)) } if meta.revision == 4));
    }

    #[test]
    fn our_own_revision_or_an_older_one_is_ignored() {
        assert_eq!(
            react(Some(4), false, Some(&stored(4, SCHEMA_VERSION))),
            Reaction::Ignore
        );
        assert_eq!(
            react(Some(5), true, Some(&stored(4, SCHEMA_VERSION))),
            Reaction::Ignore
        );
    }

    #[test]
    fn a_tab_with_no_district_adopts_the_first_save() {
        assert!(matches!(
            react(None, false, Some(&stored(1, SCHEMA_VERSION))),
            Reaction::Adopt { .. }
        ));
    }

    #[test]
    fn a_newer_schema_makes_this_tab_read_only_even_when_dirty() {
        for dirty in [false, true] {
            let r = react(Some(3), dirty, Some(&stored(4, SCHEMA_VERSION + 1)));
            assert!(matches!(r, Reaction::ReadOnly { .. }), "{r:?}");
        }
    }

    #[test]
    fn a_removal_is_adopted_when_clean_and_a_conflict_when_dirty() {
        assert_eq!(react(Some(3), false, None), Reaction::AdoptRemoval);
        assert_eq!(
            react(Some(3), true, None),
            Reaction::Conflict { theirs: None }
        );
        assert_eq!(react(None, false, None), Reaction::Ignore);
    }

    #[test]
    fn unreadable_text_from_another_tab_is_reported() {
        assert!(matches!(
            react(Some(1), false, Some("{")),
            Reaction::Unreadable(_)
        ));
    }
}
