//! The coaching model (issue 14): the charter the district writes and publishes
//! (`charter/`), its published versions with what changed (`versions`) and the printed
//! charter (`print`); bringing it to the schools, with the sessions and each campus's
//! adaptations (`schools/`); and the coaches' own development (`coaches/`). Every rule is
//! in `domain::model`; these pages render it and send edits.
//!
//! One lazy piece (`pages`) for the five pages, as executive coaching's.

pub mod charter;
pub mod coaches;
pub mod pages;
pub mod print;
pub mod schools;
pub mod versions;

use crate::domain::model::{Charter, Model};
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
    store.try_edit_model(|m, _| f(&mut m.draft))
}

/// The links between the coaching model's pages.
#[leptos::component]
pub(crate) fn ModelNav(
    /// Which page this is: "charter", "versions", "print", "schools" or "coaches".
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
                {link("print", "/model/print", "Print the charter")}
                {link("schools", "/model/schools", "Schools")}
                {link("coaches", "/model/coaches", "Coaches")}
            </ul>
        </nav>
    }
}

/// A list's removal and its undo, for the model's lists: `remove` takes the item (by its
/// ID) out of the list `pick` names and keeps it with its place; `undo` puts it back there.
/// Focus goes to the undo button (`undo_id`) after a removal, and to `back_to` after the undo.
pub(crate) struct Removal<T: Send + Sync + 'static> {
    pub removed: leptos::prelude::RwSignal<Option<(usize, T)>>,
    pub remove: leptos::prelude::Callback<String>,
    pub undo: leptos::prelude::Callback<()>,
}

pub(crate) fn removal<T>(
    store: Store,
    pick: fn(&mut Model) -> &mut Vec<T>,
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
        let _ = store.try_edit_model(|model, _| {
            r = take(pick(model), &Id::fixed(id));
            Ok(())
        });
        removed.set(r);
        request_animation_frame(move || browser::focus_id(undo_id));
    });
    let undo = Callback::new(move |()| {
        if let Some((at, item)) = removed.get_untracked() {
            let _ = store.try_edit_model(|model, _| {
                put_back(pick(model), at, item);
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

/// A model form's error: its words, and the field it is at (`None`: the whole form's, as a
/// refused save). Focus moves to the field with the error.
pub(crate) type FormError<F> = leptos::prelude::RwSignal<Option<(Option<F>, String)>>;

/// The error's words, for `FieldError`.
pub(crate) fn error_words<F: Send + Sync + 'static>(
    error: FormError<F>,
) -> leptos::prelude::Signal<Option<String>> {
    use leptos::prelude::*;
    Signal::derive(move || error.with(|e| e.as_ref().map(|e| e.1.clone())))
}

/// Whether the error is at field `f`: its `aria-invalid`.
pub(crate) fn error_at<F: PartialEq + Copy + Send + Sync + 'static>(
    error: FormError<F>,
    f: F,
) -> leptos::prelude::Signal<bool> {
    use leptos::prelude::*;
    Signal::derive(move || error.with(|e| e.as_ref().is_some_and(|e| e.0 == Some(f))))
}

/// Whether the error is a field's, read with the field focus moves to: `FieldError`'s
/// `quiet`, so that it is not announced twice.
pub(crate) fn error_is_a_field_s<F: Send + Sync + 'static>(
    error: FormError<F>,
) -> leptos::prelude::Signal<bool> {
    use leptos::prelude::*;
    Signal::derive(move || error.with(|e| e.as_ref().is_some_and(|e| e.0.is_some())))
}

/// One of the model's lists, kept while it stays the same.
pub(crate) fn model_list<T>(
    store: Store,
    pick: fn(&Model) -> &Vec<T>,
) -> leptos::prelude::Memo<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    use leptos::prelude::*;
    Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| pick(&d.model).clone())
                .unwrap_or_default()
        })
    })
}

/// The roster's schools, as (ID, name), in its order.
pub(crate) fn roster(store: Store) -> leptos::prelude::Memo<Vec<(Id, String)>> {
    use leptos::prelude::*;
    Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.schools
                    .iter()
                    .map(|s| (s.id.clone(), s.name.clone()))
                    .collect()
            })
        })
    })
}

/// A number typed in a text field ("12"); empty is zero. The error is a sentence naming `what`.
pub(crate) fn parse_count(what: &str, raw: &str) -> Result<u32, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse::<u32>()
        .map_err(|_| format!("{what} is a whole number, like 12: \u{201c}{t}\u{201d} is not."))
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

/// The adopted phase-in plan's years, with their schools: ranked and planned again only when
/// something outside the coaching model changed (the store's
/// [`revision_outside_model`](Store::revision_outside_model)); an edit of the model keeps
/// them, and what depends on them alone is not drawn again.
pub(crate) fn plan_years(
    store: Store,
) -> leptos::prelude::Memo<Vec<crate::domain::model::staffing::PlanYear>> {
    use crate::domain::model::staffing::{self, PlanYear};
    use leptos::prelude::*;
    let kept = StoredValue::new(None::<(u64, Vec<PlanYear>)>);
    Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            let revision = store.revision_outside_model();
            if let Some(v) = kept.with_value(|k| {
                k.as_ref()
                    .filter(|(r, _)| *r == revision)
                    .map(|(_, v)| v.clone())
            }) {
                return v;
            }
            let v = staffing::plan_years(d);
            kept.set_value(Some((revision, v.clone())));
            v
        })
    })
}
