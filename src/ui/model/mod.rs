//! The coaching model (issue 14): the charter the district writes and publishes
//! (`charter/`), and its published versions with what changed (`versions`). Every rule is
//! in `domain::model`; these pages render it and send edits.

pub mod charter;
pub mod pages;
pub mod versions;

use crate::domain::model::Charter;
use crate::domain::Id;
use crate::ui::platform::browser;
use crate::ui::store::Store;

pub(crate) fn new_id() -> Id {
    Id::from_random_bytes(browser::random_bytes())
}

/// Apply `f` to the draft charter; the error is a sentence for the person.
pub(crate) fn edit_draft(
    store: Store,
    f: impl FnOnce(&mut Charter) -> Result<(), String>,
) -> Result<(), String> {
    store.try_edit(|d| f(&mut d.model.draft))
}

/// The links between the coaching model's pages.
#[leptos::component]
pub(crate) fn ModelNav(
    /// Which page this is: "charter" or "versions".
    here: &'static str,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let link = move |page: &'static str, href: &'static str, label: &'static str| {
        view! { <li><a href=href aria-current=(page == here).then_some("page")>{label}</a></li> }
    };
    view! {
        <nav class="sub-nav no-print" aria-label="Coaching model">
            <ul>
                {link("charter", "/model", "Charter")}
                {link("versions", "/model/versions", "Published versions")}
            </ul>
        </nav>
    }
}

/// A list's removal and its undo, for the charter's lists: `remove` takes the item (by its
/// ID) out of the list `pick` names and keeps it with its place; `undo` puts it back there.
/// Focus goes to the undo button (`undo_id`) after a removal, and to `back_to` after the undo.
pub(crate) struct Removal<T: Send + Sync + 'static> {
    pub removed: leptos::prelude::RwSignal<Option<(usize, T)>>,
    pub remove: leptos::prelude::Callback<String>,
    pub undo: leptos::prelude::Callback<()>,
}

pub(crate) fn removal<T>(
    store: Store,
    pick: fn(&mut Charter) -> &mut Vec<T>,
    undo_id: &'static str,
    back_to: &'static str,
) -> Removal<T>
where
    T: crate::domain::model::charter::Item + Send + Sync + 'static,
{
    use crate::domain::model::charter::{put_back, take};
    use leptos::prelude::*;
    let removed = RwSignal::new(None::<(usize, T)>);
    let remove = Callback::new(move |id: String| {
        let mut r = None;
        let _ = edit_draft(store, |c| {
            r = take(pick(c), &Id::fixed(id));
            Ok(())
        });
        removed.set(r);
        request_animation_frame(move || browser::focus_id(undo_id));
    });
    let undo = Callback::new(move |()| {
        if let Some((at, item)) = removed.get_untracked() {
            let _ = edit_draft(store, |c| {
                put_back(pick(c), at, item);
                Ok(())
            });
            removed.set(None);
            browser::focus_id(back_to);
        }
    });
    Removal {
        removed,
        remove,
        undo,
    }
}

/// One of the draft charter's lists, kept while it stays the same.
pub(crate) fn draft_list<T>(
    store: Store,
    pick: fn(&Charter) -> &Vec<T>,
) -> leptos::prelude::Memo<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    use leptos::prelude::*;
    Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| pick(&d.model.draft).clone())
                .unwrap_or_default()
        })
    })
}
